import type {
  LoadBalancer,
  TagDescription,
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** DescribeTags takes at most 20 resource ARNs per call. */
const TAG_BATCH = 20;

/** DescribeLoadBalancers: every Elastic Load Balancing v2 load balancer of the region (ALB, NLB, GWLB). */
export async function describeLoadBalancers(aws: AwsReader): Promise<LoadBalancer[]> {
  const elb = await aws.clients.elbv2();
  const { DescribeLoadBalancersCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  return allPages(
    (Marker) =>
      aws.call('elasticloadbalancing:DescribeLoadBalancers', () =>
        elb.send(new DescribeLoadBalancersCommand({ Marker, PageSize: 400 })),
      ),
    (p) => p.LoadBalancers,
    (p) => p.NextMarker,
  );
}

/** DescribeTags of load balancers or target groups, 20 ARNs a call. */
export async function describeTags(aws: AwsReader, arns: readonly string[]): Promise<TagDescription[]> {
  const elb = await aws.clients.elbv2();
  const { DescribeTagsCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const out: TagDescription[] = [];
  for (let i = 0; i < arns.length; i += TAG_BATCH) {
    const ResourceArns = arns.slice(i, i + TAG_BATCH);
    const page = await aws.call('elasticloadbalancing:DescribeTags', () =>
      elb.send(new DescribeTagsCommand({ ResourceArns })),
    );
    out.push(...(page.TagDescriptions ?? []));
  }
  return out;
}

/** DescribeTargetGroups of one load balancer. */
export async function describeTargetGroups(aws: AwsReader, loadBalancerArn: string): Promise<TargetGroup[]> {
  const elb = await aws.clients.elbv2();
  const { DescribeTargetGroupsCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  return allPages(
    (Marker) =>
      aws.call('elasticloadbalancing:DescribeTargetGroups', () =>
        elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: loadBalancerArn, Marker })),
      ),
    (p) => p.TargetGroups,
    (p) => p.NextMarker,
  );
}

/** DescribeTargetHealth: each registered target of one target group with its state and reason. */
export async function describeTargetHealth(aws: AwsReader, targetGroupArn: string): Promise<TargetHealthDescription[]> {
  const elb = await aws.clients.elbv2();
  const { DescribeTargetHealthCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const page = await aws.call('elasticloadbalancing:DescribeTargetHealth', () =>
    elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn })),
  );
  return page.TargetHealthDescriptions ?? [];
}

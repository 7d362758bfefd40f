import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.js';
import { AwsReader } from '../../src/aws/read-context.js';
import {
  describeLoadBalancers,
  describeTags,
  describeTargetGroups,
  describeTargetHealth,
} from '../../src/aws/readers/elbv2.js';
import { isolateAwsEnv } from '../support/aws-mocks.js';

beforeAll(isolateAwsEnv);
const elb = mockClient(ElasticLoadBalancingV2Client);
afterEach(() => elb.reset());
const reader = () => new AwsReader(new AwsClients({ region: 'us-east-1' }));

describe('Elastic Load Balancing v2 reader', () => {
  it('follows NextMarker through every page of load balancers', async () => {
    elb
      .on(DescribeLoadBalancersCommand, { Marker: undefined })
      .resolves({ LoadBalancers: [{ LoadBalancerArn: 'arn:a' }], NextMarker: 'm2' })
      .on(DescribeLoadBalancersCommand, { Marker: 'm2' })
      .resolves({ LoadBalancers: [{ LoadBalancerArn: 'arn:b' }] });
    const r = reader();
    expect((await describeLoadBalancers(r)).map((l) => l.LoadBalancerArn)).toEqual(['arn:a', 'arn:b']);
    expect(r.calls).toEqual([
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeLoadBalancers',
    ]);
  });

  it('asks for tags 20 ARNs at a time, as the API allows', async () => {
    elb.on(DescribeTagsCommand).callsFake((input: { ResourceArns: string[] }) => ({
      TagDescriptions: input.ResourceArns.map((ResourceArn) => ({ ResourceArn, Tags: [] })),
    }));
    const arns = Array.from({ length: 45 }, (_, i) => `arn:lb-${i}`);
    const tags = await describeTags(reader(), arns);
    expect(tags.map((t) => t.ResourceArn)).toEqual(arns);
    expect(elb.commandCalls(DescribeTagsCommand).map((c) => c.args[0].input.ResourceArns?.length)).toEqual([20, 20, 5]);
  });

  it('reads the target groups of one load balancer and the health of one group', async () => {
    elb
      .on(DescribeTargetGroupsCommand, { LoadBalancerArn: 'arn:a' })
      .resolves({ TargetGroups: [{ TargetGroupArn: 'arn:tg', TargetGroupName: 'k8s-tg' }] });
    elb.on(DescribeTargetHealthCommand, { TargetGroupArn: 'arn:tg' }).resolves({
      TargetHealthDescriptions: [
        { Target: { Id: '10.0.0.1' }, TargetHealth: { State: 'unhealthy', Reason: 'Target.Timeout' } },
      ],
    });
    const r = reader();
    expect((await describeTargetGroups(r, 'arn:a')).map((g) => g.TargetGroupName)).toEqual(['k8s-tg']);
    expect((await describeTargetHealth(r, 'arn:tg'))[0].TargetHealth).toEqual({
      State: 'unhealthy',
      Reason: 'Target.Timeout',
    });
    expect(r.calls).toEqual(['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth']);
  });
});

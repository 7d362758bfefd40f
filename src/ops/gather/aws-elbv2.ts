import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mapLimit } from '../../aws/paging.js';
import {
  describeLoadBalancers,
  describeTags,
  describeTargetGroups,
  describeTargetHealth,
} from '../../aws/readers/elbv2.js';
import type { KubeObject } from '../../inventory/types.js';
import type { LiveAws } from '../../live/connect.js';
import type { LoadBalancerFact } from '../common/aws-facts.js';
import { CLUSTER_TAG, ingressHostname, ingressStack, STACK_TAG } from '../common/ingress-alb.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { AWS_NOT_READ, readFact } from './read-fact.js';

/** Target states that mean "traffic sent here fails"; initial, draining and unused are neither healthy nor this. */
const UNHEALTHY = new Set(['unhealthy', 'unavailable']);

async function withTargets(aws: LiveAws, lb: LoadBalancer, stack: string | undefined, concurrency: number) {
  const groups = lb.LoadBalancerArn ? await describeTargetGroups(aws.reader, lb.LoadBalancerArn) : [];
  const targetGroups = await mapLimit(groups, concurrency, async (tg) => {
    const health = tg.TargetGroupArn ? await describeTargetHealth(aws.reader, tg.TargetGroupArn) : [];
    const bad = health.filter((h) => UNHEALTHY.has(h.TargetHealth?.State ?? ''));
    const reasons = [...new Set(bad.flatMap((h) => (h.TargetHealth?.Reason ? [h.TargetHealth.Reason] : [])))].sort();
    return {
      name: tg.TargetGroupName ?? tg.TargetGroupArn ?? '',
      healthy: health.filter((h) => h.TargetHealth?.State === 'healthy').length,
      unhealthy: bad.length,
      ...(reasons.length ? { unhealthyReasons: reasons } : {}),
    };
  });
  const fact: LoadBalancerFact = {
    dnsName: lb.DNSName ?? '',
    state: lb.State?.Code ?? 'unknown',
    ...(lb.Scheme ? { scheme: lb.Scheme } : {}),
    ...(lb.LoadBalancerArn ? { arn: lb.LoadBalancerArn } : {}),
    ...(stack ? { stack } : {}),
    targetGroups: targetGroups.sort((a, b) => a.name.localeCompare(b.name)),
  };
  return fact;
}

/**
 * The ALBs behind these Ingresses and the health of their targets: the
 * region's load balancers (DescribeLoadBalancers), their tags (DescribeTags),
 * and for each one an Ingress names, by its `ingress.k8s.aws/stack` tag (of
 * this cluster, when the tag says which) or by the Ingress status hostname,
 * its target groups and each group's target health. Ingresses without an
 * address need no AWS call.
 */
export async function loadBalancerFacts(
  aws: LiveAws | undefined,
  cluster: string | undefined,
  ingresses: readonly KubeObject[],
  concurrency: number,
): Promise<Fact<readonly LoadBalancerFact[]>> {
  if (!aws) return unknownFact(AWS_NOT_READ);
  const provisioned = ingresses.filter((i) => ingressHostname(i) !== undefined);
  if (provisioned.length === 0) return known([]);
  const stacks = new Set(provisioned.map(ingressStack));
  const hostnames = new Set(provisioned.map((i) => ingressHostname(i)));
  return readFact('elasticloadbalancing:DescribeLoadBalancers', async () => {
    const all = await describeLoadBalancers(aws.reader);
    const arns = all.flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
    const tags = new Map(
      (await describeTags(aws.reader, arns)).map((d) => [
        d.ResourceArn ?? '',
        new Map((d.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
      ]),
    );
    const chosen = all.flatMap((lb) => {
      const t = tags.get(lb.LoadBalancerArn ?? '');
      const stack = t?.get(STACK_TAG);
      const owner = t?.get(CLUSTER_TAG);
      const ours = stack !== undefined && stacks.has(stack) && (!cluster || owner === undefined || owner === cluster);
      return ours || hostnames.has(lb.DNSName) ? [{ lb, stack }] : [];
    });
    const facts = await mapLimit(chosen, concurrency, ({ lb, stack }) => withTargets(aws, lb, stack, concurrency));
    return facts.sort((a, b) => a.dnsName.localeCompare(b.dnsName));
  });
}

import { z } from 'zod';
import { PROD_REQUIREMENTS } from '../../config/presets.js';
import { knowsKind, nothingToCheckAws } from '../support/coverage.js';
import { prodFloor } from '../support/env.js';
import { nodegroupSubnets, zoneKey } from '../support/network.js';
import { awsResult, count, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Fewest availability zones the nodes must span. */
  minZones: z.number().int().min(1),
  /** Node label holding the zone (live clusters). */
  zoneLabel: z.string().min(1),
});

export default defineRule({
  meta: {
    id: 'infrastructure.multi-az-nodes',
    title: 'Nodes span several availability zones',
    category: 'infrastructure',
    checklist: ['infrastructure.multi-az-nodes'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Nodes in one zone go down with that zone, and every pod with them.',
    verified:
      "Each managed node group's subnets lie in at least the required number of zones (network.azCount; 3 in production). When Kubernetes Node objects are available (live or dump), the nodes' topology.kubernetes.io/zone labels must show as many zones.",
    fix: 'Give every node group one private subnet per zone (network.azCount: 3 in production) and keep min size at least the zone count.',
    equivalents: {},
    params,
    defaults: (env) => ({
      minZones: prodFloor(env)
        ? Math.max(env.network.azCount, PROD_REQUIREMENTS.minAvailabilityZones)
        : env.network.azCount,
      zoneLabel: 'topology.kubernetes.io/zone',
    }),
    waivable: 'min-availability-zones',
    needs: { kube: ['Node'], aws: ['AWS::EKS::Nodegroup', 'AWS::EC2::Subnet'] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const nodes = inv.kube('Node');
    if (nodes.length > 0 && knowsKind(inv, 'Node')) {
      const zones = new Set<string>();
      for (const n of nodes) {
        const zone = n.object.metadata.labels?.[p.zoneLabel];
        if (zone) zones.add(zone);
      }
      const subject = { kind: 'Node', name: '*' };
      const text = `${count(nodes.length, 'node')} in ${count(zones.size, 'zone')} (${[...zones].sort().join(', ') || 'no zone labels'})`;
      out.push(
        zones.size >= p.minZones
          ? result('pass', subject, text)
          : result('fail', subject, `${text}; at least ${p.minZones} zones required`),
      );
    }
    const groups = inv.aws('AWS::EKS::Nodegroup');
    if (groups.length === 0)
      return out.length > 0 ? out : nothingToCheckAws(inv, ['AWS::EKS::Nodegroup'], 'managed node groups');
    for (const ng of groups) {
      const subnets = nodegroupSubnets(inv, ng);
      const keys = subnets.map((s) => (s.subnet ? zoneKey(s.subnet) : undefined));
      if (subnets.length === 0 || keys.some((k) => k === undefined)) {
        out.push(awsResult('unknown', ng, 'the zones of its subnets cannot be told from the sources', ['Subnets']));
        continue;
      }
      const zones = new Set(keys as string[]);
      out.push(
        zones.size >= p.minZones
          ? awsResult('pass', ng, `subnets span ${count(zones.size, 'zone')}`, ['Subnets'])
          : awsResult('fail', ng, `subnets span ${count(zones.size, 'zone')}; at least ${p.minZones} required`, [
              'Subnets',
            ]),
      );
    }
    return out;
  },
});

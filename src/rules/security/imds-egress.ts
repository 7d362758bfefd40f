import { z } from 'zod';
import { cidrContains } from '../support/cidr.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Addresses of the EC2 instance metadata service that pods must not reach. */
  metadataAddresses: z.array(z.string()).min(1),
  /** TCP port the metadata service listens on. */
  metadataPort: z.number().int().min(1).max(65535),
});

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

/** Whether an egress rule's ports let TCP traffic to the port through (no ports: every port). */
function reachesPort(ports: readonly PolicyPort[] | undefined, port: number): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((x) => {
    if ((x.protocol ?? 'TCP') !== 'TCP') return false;
    if (x.port === undefined) return true;
    // A named port names a pod's port: an ipBlock destination has none.
    if (typeof x.port !== 'number') return false;
    return x.endPort === undefined ? x.port === port : x.port <= port && port <= x.endPort;
  });
}

interface IpBlock {
  cidr?: string;
  except?: string[];
}
interface PolicySpec {
  policyTypes?: string[];
  egress?: { to?: { ipBlock?: IpBlock }[]; ports?: PolicyPort[] }[];
}

export default defineRule({
  meta: {
    id: 'security.imds-egress',
    title: 'NetworkPolicy egress does not open the instance metadata service to pods',
    category: 'security',
    checklist: ['security.network-policies'],
    severity: { test: 'medium', prod: 'high' },
    why: "On EKS a pod that reaches 169.254.169.254 can take the node's IAM role credentials and act as the node. An egress ipBlock such as 0.0.0.0/0 without an except for the metadata address hands that path back to every selected pod, whatever Pod Identity scoped.",
    verified:
      'No egress rule of a NetworkPolicy that lets TCP port 80 through (no ports listed: every port) has an ipBlock that contains a metadata address (169.254.169.254 by default) unless one of its except ranges also contains it; an egress rule with no `to` (all destinations) counts as 0.0.0.0/0. IPv6 blocks are not judged.',
    fix: 'Add 169.254.169.254/32 to the except list of broad ipBlocks (0.0.0.0/0 except 169.254.169.254/32), or allow only the CIDRs the app needs; keep the node hop limit at 1 (the platform sets it).',
    equivalents: {},
    params,
    defaults: () => ({ metadataAddresses: ['169.254.169.254'], metadataPort: 80 }),
    needs: { kube: ['NetworkPolicy'] },
  },
  check(inv, p) {
    const policies = inv.kube('NetworkPolicy');
    if (policies.length === 0) return nothingToCheck(inv, ['NetworkPolicy'], 'NetworkPolicies');
    const out: RuleResult[] = [];
    for (const np of policies) {
      const spec = (np.object.spec ?? {}) as PolicySpec;
      let hit: RuleResult | undefined;
      const rules = spec.egress ?? [];
      for (let i = 0; i < rules.length && !hit; i++) {
        const to = rules[i].to;
        if (!reachesPort(rules[i].ports, p.metadataPort)) continue;
        if (!to || to.length === 0) {
          hit = kubeResult(
            'fail',
            np,
            `egress rule ${i} allows every destination, the instance metadata address included`,
            ['spec', 'egress', i],
          );
          break;
        }
        for (let j = 0; j < to.length && !hit; j++) {
          const block = to[j].ipBlock;
          if (!block?.cidr) continue;
          const cidr = block.cidr;
          for (const ip of p.metadataAddresses) {
            if (!cidrContains(cidr, ip)) continue;
            if ((block.except ?? []).some((e) => cidrContains(e, ip))) continue;
            hit = kubeResult(
              'fail',
              np,
              `egress ipBlock ${cidr} contains the instance metadata address ${ip} and no except range removes it`,
              ['spec', 'egress', i, 'to', j, 'ipBlock'],
            );
            break;
          }
        }
      }
      out.push(hit ?? kubeResult('pass', np, 'its egress does not reach the instance metadata address'));
    }
    return out;
  },
});

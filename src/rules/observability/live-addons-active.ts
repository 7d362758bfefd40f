import { z } from 'zod';
import { nothingToCheckAws } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { awsResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  healthy: z.array(z.string()).min(1),
  /** Statuses that will settle by themselves: warn, not fail. */
  transitional: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'observability.live-addons-active',
    title: 'EKS add-ons are ACTIVE',
    category: 'observability',
    checklist: ['observability.cloudwatch'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A degraded add-on (VPC CNI, CoreDNS, EBS CSI, Pod Identity agent, CloudWatch Observability) breaks networking, storage, credentials or telemetry for every workload.',
    verified:
      'Live: DescribeAddon status of every add-on of the cluster is ACTIVE; CREATING/UPDATING warn; anything else fails, with the health issues.',
    fix: 'Read the health issues (`aws eks describe-addon --cluster-name … --addon-name …`); usually a missing IAM permission of the add-on role or a conflicting self-managed install.',
    equivalents: {},
    params,
    defaults: () => ({ healthy: ['ACTIVE'], transitional: ['CREATING', 'UPDATING'] }),
    needs: { aws: ['AWS::EKS::Addon'] },
  },
  check(inv, p) {
    const skip = needsLiveFacts(inv, { awsType: 'AWS::EKS::Addon', id: '*' }, 'Add-on status');
    if (skip) return skip;
    const addons = inv.aws('AWS::EKS::Addon');
    if (addons.length === 0) return nothingToCheckAws(inv, ['AWS::EKS::Addon'], 'EKS add-ons');
    const out: RuleResult[] = [];
    for (const a of addons) {
      const name = String(a.properties.AddonName ?? a.id);
      const status = a.live?.status;
      if (typeof status !== 'string') {
        out.push(awsResult('unknown', a, `the status of add-on ${name} was not read`));
        continue;
      }
      const issues = (a.live?.healthIssues as { Code?: string; Message?: string }[] | undefined) ?? [];
      const detail = issues.length
        ? ` (${issues.map((i) => [i.Code, i.Message].filter(Boolean).join(': ')).join('; ')})`
        : '';
      if (p.healthy.includes(status)) out.push(awsResult('pass', a, `add-on ${name} is ${status}`));
      else if (p.transitional.includes(status)) out.push(awsResult('warn', a, `add-on ${name} is ${status}${detail}`));
      else out.push(awsResult('fail', a, `add-on ${name} is ${status}${detail}; expected ${p.healthy.join(' or ')}`));
    }
    return out;
  },
});

import { z } from 'zod';
import { unknownAws } from '../support/coverage.js';
import { cfnText } from '../support/iam.js';
import { awsResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether the environment installs the observability component (components.observability). */
  required: z.boolean(),
  /** Add-on (or Helm chart) names that provide Container Insights and log shipping. */
  addonNames: z.array(z.string()).min(1),
  /** Live add-on statuses that count as working. */
  healthy: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'observability.cloudwatch-addon',
    title: 'The CloudWatch Observability add-on is installed and active',
    category: 'observability',
    checklist: ['observability.cloudwatch'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Without the add-on there are no Container Insights metrics and no container logs in CloudWatch: you cannot see what the cluster is doing.',
    verified:
      'An AWS::EKS::Addon named amazon-cloudwatch-observability (or a Helm chart of that name) exists; live, its status is ACTIVE.',
    fix: 'Enable components.observability (the platform installs the add-on with a Pod Identity role); live, inspect the add-on health issues with `aws eks describe-addon`.',
    equivalents: {},
    params,
    defaults: (env) => ({
      required: env.components.observability,
      addonNames: ['amazon-cloudwatch-observability'],
      healthy: ['ACTIVE'],
    }),
    needs: { aws: ['AWS::EKS::Addon', 'Custom::AWSCDK-EKS-HelmChart'] },
  },
  check(inv, p) {
    const missing = unknownAws(inv, ['AWS::EKS::Addon']);
    if (missing) return missing;
    const addons = inv
      .aws('AWS::EKS::Addon')
      .filter((a) => p.addonNames.includes(cfnText(a.properties.AddonName) ?? ''));
    const charts = inv
      .aws('Custom::AWSCDK-EKS-HelmChart')
      .filter((c) => p.addonNames.includes(cfnText(c.properties.Chart) ?? ''));
    const out: RuleResult[] = [];
    for (const a of addons) {
      const status = a.live?.status;
      if (typeof status !== 'string') {
        out.push(awsResult('pass', a, 'the add-on is declared', ['AddonName']));
      } else if (p.healthy.includes(status)) {
        out.push(awsResult('pass', a, `the add-on is ${status}`));
      } else {
        out.push(awsResult('fail', a, `the add-on is ${status}; expected ${p.healthy.join(' or ')}`));
      }
    }
    for (const c of charts) out.push(awsResult('pass', c, 'installed as a Helm chart', ['Chart']));
    if (out.length > 0) return out;
    const subject = { awsType: 'AWS::EKS::Addon', id: p.addonNames[0] };
    return [
      p.required
        ? result('fail', subject, `no ${p.addonNames[0]} add-on is installed`)
        : result('skip', subject, 'components.observability is off in this environment'),
    ];
  },
});

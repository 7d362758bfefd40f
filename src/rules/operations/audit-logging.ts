import { z } from 'zod';
import { checkAwsResources } from '../support/aws-checks.js';
import { awsResult, listText } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Control plane log types that must be on: audit always, plus cluster.controlPlaneLogging. */
  requiredTypes: z.array(z.enum(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'])).min(1),
});

export default defineRule({
  meta: {
    id: 'operations.audit-logging',
    title: 'Control plane audit logging is on',
    category: 'operations',
    checklist: ['operations.access-controls'],
    severity: { test: 'medium', prod: 'high' },
    why: 'The audit log is the record of who did what to the cluster; without it an incident cannot be reconstructed.',
    verified:
      'Every AWS::EKS::Cluster enables the audit log type (and the other types in cluster.controlPlaneLogging) under Logging.ClusterLogging.EnabledTypes.',
    fix: 'Keep audit in cluster.controlPlaneLogging (the default) so the cluster sends it to CloudWatch Logs.',
    equivalents: { checkov: ['CKV_AWS_37'] },
    params,
    defaults: (env) => ({
      requiredTypes: [...new Set(['audit' as const, ...env.cluster.controlPlaneLogging])].sort(),
    }),
    needs: { aws: ['AWS::EKS::Cluster'] },
  },
  check: (inv, p) =>
    checkAwsResources(inv, 'AWS::EKS::Cluster', 'EKS clusters', (c) => {
      const logging = c.properties.Logging as { ClusterLogging?: { EnabledTypes?: { Type?: string }[] } } | undefined;
      const enabled = new Set((logging?.ClusterLogging?.EnabledTypes ?? []).map((t) => t.Type));
      const missing = p.requiredTypes.filter((t) => !enabled.has(t));
      return missing.length === 0
        ? awsResult('pass', c, `control plane logs ${listText(p.requiredTypes)}`, ['Logging'])
        : awsResult('fail', c, `control plane does not log ${listText(missing)}`, logging ? ['Logging'] : []);
    }),
});

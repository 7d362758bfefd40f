import { AWS_TYPE_ACTIONS, actionsFor, isReadOnlyAction, UNSCOPED_ACTIONS } from './access-table.js';

export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[];
}

const SIDS: Readonly<Record<string, string>> = {
  eks: 'ReadEksCluster',
  ec2: 'DescribeNetworkAndVolumes',
  ecr: 'ReadEcrScanning',
  elasticloadbalancing: 'ReadLoadBalancerHealth',
  logs: 'ReadLogGroupsAndEvents',
  cloudwatch: 'ReadAlarmsAndMetrics',
  iam: 'ReadPodIdentityRoles',
  backup: 'ReadBackupPlans',
  dlm: 'ReadSnapshotPolicies',
  secretsmanager: 'ReadSecretMetadataOnly',
};

/**
 * The least-privilege IAM policy live verify needs for these CloudFormation
 * types: exactly the read calls the AWS source makes (AWS_TYPE_ACTIONS), with
 * EKS scoped to the one cluster. Secret values are never readable with it.
 */
export function verifierPolicy(
  types: readonly string[],
  target: { clusterName: string; region: string },
  options: {
    /** More read-only actions to allow (what the day-2 commands declare they read); anything not read-only is refused. */
    readonly extraActions?: readonly string[];
  } = {},
): {
  policy: IamPolicyDocument;
  unsupported: string[];
} {
  const unsupported = [...new Set(types)].filter((t) => !AWS_TYPE_ACTIONS[t]).sort();
  const writes = (options.extraActions ?? []).filter((a) => !isReadOnlyAction(a));
  if (writes.length) throw new Error(`the verifier policy allows reads only; refused: ${writes.join(', ')}`);
  const byService = new Map<string, string[]>();
  const unscoped: string[] = [];
  for (const action of [...new Set([...actionsFor(types), ...(options.extraActions ?? [])])].sort()) {
    if (UNSCOPED_ACTIONS.includes(action)) {
      unscoped.push(action);
      continue;
    }
    const service = action.split(':')[0];
    byService.set(service, [...(byService.get(service) ?? []), action]);
  }
  const { clusterName: c, region: r } = target;
  const resources: Record<string, string | string[]> = {
    eks: [
      `arn:aws:eks:${r}:*:cluster/${c}`,
      `arn:aws:eks:${r}:*:nodegroup/${c}/*/*`,
      `arn:aws:eks:${r}:*:addon/${c}/*/*`,
      `arn:aws:eks:${r}:*:podidentityassociation/${c}/*`,
    ],
    iam: ['arn:aws:iam::*:role/*', 'arn:aws:iam::*:policy/*', 'arn:aws:iam::aws:policy/*'],
  };
  const Statement = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, Action]) => ({
      Sid: SIDS[service] ?? `Read${service}`,
      Effect: 'Allow' as const,
      Action,
      Resource: resources[service] ?? '*',
    }));
  if (unscoped.length) {
    Statement.push({ Sid: 'ReadUnscopedCatalogues', Effect: 'Allow' as const, Action: unscoped, Resource: '*' });
  }
  return { policy: { Version: '2012-10-17', Statement }, unsupported };
}

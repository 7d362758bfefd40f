/**
 * The production-readiness checklist: five categories, each item with how it
 * is proven and why it matters. Rules name the item they prove; the verify
 * report is laid out in this order.
 */
export const CHECKLIST_CATEGORIES = [
  'infrastructure',
  'security',
  'reliability',
  'observability',
  'operations',
] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly category: ChecklistCategory;
  readonly item: string;
  readonly howVerified: string;
  readonly why: string;
}

const item = (
  category: ChecklistCategory,
  id: string,
  name: string,
  howVerified: string,
  why: string,
): ChecklistItem => ({
  id: `${category}.${id}`,
  category,
  item: name,
  howVerified,
  why,
});

export const CHECKLIST: readonly ChecklistItem[] = [
  item(
    'infrastructure',
    'multi-az-nodes',
    'Multi-AZ nodes',
    'node groups span private subnets in several zones; live: node zone labels',
    'the cluster keeps running through the loss of one availability zone',
  ),
  item(
    'infrastructure',
    'node-autoscaling',
    'Node auto-scaling',
    'managed node group min/desired/max leave room to grow',
    'traffic spikes get capacity instead of pending pods',
  ),
  item(
    'infrastructure',
    'private-subnets',
    'Private subnets',
    'node group subnets have no route to an internet gateway',
    'nodes are not reachable from the internet',
  ),
  item(
    'infrastructure',
    'ecr-scanning',
    'ECR scanning enabled',
    'every repository scans on push',
    'known vulnerabilities are caught before images are deployed',
  ),
  item(
    'security',
    'pod-identity',
    'Pod Identity working',
    'AWS access comes from Pod Identity associations; no AWS keys in env, ConfigMaps or Secrets',
    'no long-lived keys to leak',
  ),
  item(
    'security',
    'secrets-manager',
    'Secrets in Secrets Manager',
    'no secret values in ConfigMaps, env literals or manifests in git; ExternalSecrets deliver them',
    'secrets are central, rotated and audited',
  ),
  item(
    'security',
    'https-only',
    'HTTPS only',
    'ingresses terminate TLS and redirect HTTP to HTTPS',
    'traffic is encrypted in transit',
  ),
  item(
    'security',
    'network-policies',
    'Network policies',
    'every namespace with workloads has a default-deny policy and each workload is selected',
    'pods only talk to what they must',
  ),
  item(
    'security',
    'iam-least-privilege',
    'IAM least privilege',
    'no wildcard actions, no wildcard resources on sensitive services, no broad RBAC',
    'a compromised pod or role reaches little',
  ),
  item(
    'reliability',
    'resources',
    'Resource requests/limits set',
    'every container declares CPU and memory requests and limits',
    'one pod cannot starve its neighbours',
  ),
  item(
    'reliability',
    'probes',
    'Liveness/readiness probes',
    'served containers declare readiness and liveness probes',
    'unhealthy pods get no traffic and are restarted',
  ),
  item(
    'reliability',
    'pdbs',
    'PodDisruptionBudgets',
    'a PDB selects each multi-replica workload',
    'node drains and upgrades keep enough pods running',
  ),
  item(
    'reliability',
    'replicas',
    'Multiple replicas',
    'user-facing workloads run at least the environment minimum (HPA minReplicas counts)',
    'no single pod is a single point of failure',
  ),
  item(
    'observability',
    'cloudwatch',
    'CloudWatch Observability',
    'the amazon-cloudwatch-observability add-on is installed (live: ACTIVE)',
    'you can see what the cluster and apps are doing',
  ),
  item(
    'observability',
    'log-retention',
    'Log retention set',
    'every log group has a retention within the environment range',
    'log storage costs stay bounded',
  ),
  item(
    'observability',
    'alarms',
    'Alarms configured',
    'CloudWatch alarms for CPU, memory and errors notify someone',
    'problems reach a person before users notice',
  ),
  item(
    'observability',
    'app-metrics',
    'Application metrics',
    'workloads expose metrics (port, scrape annotations or ServiceMonitor)',
    'business and app health are visible',
  ),
  item(
    'operations',
    'backups',
    'Backup strategy',
    'a daily snapshot schedule covers the platform volumes',
    'state survives the loss of a volume or cluster',
  ),
  item(
    'operations',
    'upgrade-plan',
    'Upgrade plan',
    'the Kubernetes version is in support and has a known next version',
    'security patches keep coming',
  ),
  item(
    'operations',
    'runbooks',
    'Runbooks documented',
    'workloads link to a runbook',
    'the team can respond at 3 a.m.',
  ),
  item(
    'operations',
    'access-controls',
    'Access controls',
    'RBAC is scoped and the audit log is on',
    'you know who did what',
  ),
];

export function checklistItem(id: string): ChecklistItem | undefined {
  return CHECKLIST.find((i) => i.id === id);
}

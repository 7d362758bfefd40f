import { COST_KINDS } from '../cost/live-facts.js';
import { DR_KINDS } from '../dr/live-facts.js';
import { RUNBOOK_KINDS } from '../runbook/live-facts.js';
import { upgradeKinds } from '../upgrade/live-facts.js';

/**
 * The access each live day-2 command needs, declared: the AWS actions its
 * gatherer may call (all Describe/List/Get/Filter) and the Kubernetes kinds it
 * lists (GET only; pod logs and metrics.k8s.io where named). A test holds each
 * gatherer's calls to this table. Reading a Secrets Manager value is never
 * needed: DescribeSecret gives the metadata.
 */
export interface OpsAccess {
  readonly aws: readonly string[];
  /** Kinds listed (get/list). */
  readonly kinds: readonly string[];
  /** Extra reads: `pods/log` (get), `metrics.k8s.io/nodes` and `metrics.k8s.io/pods` (get/list). */
  readonly subresources: readonly string[];
}

const ECR = ['ecr:DescribeRepositories', 'ecr:DescribeImages', 'ecr:DescribeImageScanFindings'];
const POD_IDENTITY = ['eks:ListPodIdentityAssociations', 'eks:DescribePodIdentityAssociation'];
const ELBV2 = [
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeTags',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
];
const ROLE = ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies'];

export type OpsCommand = 'status' | 'doctor' | 'secrets' | 'images' | 'logs' | 'cost' | 'upgrade' | 'dr' | 'runbook';

export const OPS_ACCESS: Readonly<Record<OpsCommand, OpsAccess>> = {
  status: {
    aws: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:DescribeAddon'],
    kinds: [
      'Node',
      'Pod',
      'Event',
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ExternalSecret',
      'PersistentVolumeClaim',
    ],
    subresources: ['metrics.k8s.io/nodes'],
  },
  doctor: {
    aws: [
      ...ECR,
      'secretsmanager:DescribeSecret',
      ...POD_IDENTITY,
      ...ROLE,
      'ec2:DescribeVolumes',
      'eks:ListNodegroups',
      'eks:DescribeNodegroup',
      ...ELBV2,
    ],
    kinds: [
      'Deployment',
      'ReplicaSet',
      'StatefulSet',
      'DaemonSet',
      'CronJob',
      'Job',
      'Pod',
      'Event',
      'Service',
      'EndpointSlice',
      'Ingress',
      'ServiceAccount',
      'ExternalSecret',
      'SecretStore',
      'Secret',
      'PersistentVolumeClaim',
      'ClusterSecretStore',
      'PersistentVolume',
      'Node',
    ],
    subresources: ['pods/log'],
  },
  secrets: {
    aws: ['secretsmanager:DescribeSecret', ...POD_IDENTITY],
    kinds: ['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'Secret'],
    subresources: [],
  },
  images: { aws: ECR, kinds: ['Pod'], subresources: [] },
  logs: {
    aws: ['logs:DescribeLogGroups', 'logs:FilterLogEvents'],
    kinds: ['Pod'],
    subresources: ['pods/log'],
  },
  cost: {
    aws: [
      'cloudwatch:GetMetricData',
      'eks:DescribeCluster',
      'ec2:DescribeVolumes',
      'ec2:DescribeSnapshots',
      'logs:DescribeLogGroups',
    ],
    kinds: COST_KINDS,
    subresources: ['metrics.k8s.io/pods'],
  },
  upgrade: {
    aws: [
      'eks:DescribeCluster',
      'eks:DescribeAddonVersions',
      'eks:ListInsights',
      'eks:DescribeInsight',
      'ec2:DescribeSubnets',
    ],
    kinds: upgradeKinds(),
    subresources: [],
  },
  dr: {
    aws: [
      'ec2:DescribeVolumes',
      'backup:ListBackupPlans',
      'backup:GetBackupPlan',
      'backup:ListBackupSelections',
      'backup:GetBackupSelection',
      'backup:ListRecoveryPointsByBackupVault',
      'backup:ListRestoreJobs',
      'dlm:GetLifecyclePolicies',
      'dlm:GetLifecyclePolicy',
    ],
    kinds: DR_KINDS,
    subresources: [],
  },
  runbook: {
    aws: ['logs:DescribeLogGroups', 'cloudwatch:DescribeAlarms'],
    kinds: RUNBOOK_KINDS,
    subresources: [],
  },
};

/** What every day-2 command together reads (or those named): each list sorted and unique. */
export function opsAccessUnion(commands: readonly OpsCommand[] = Object.keys(OPS_ACCESS) as OpsCommand[]): OpsAccess {
  const pick = (f: (a: OpsAccess) => readonly string[]) =>
    [...new Set(commands.flatMap((c) => f(OPS_ACCESS[c])))].sort();
  return { aws: pick((a) => a.aws), kinds: pick((a) => a.kinds), subresources: pick((a) => a.subresources) };
}

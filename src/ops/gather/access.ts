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
  /** Extra reads: `pods/log`, `metrics.k8s.io/nodes`. */
  readonly subresources: readonly string[];
}

const ECR = ['ecr:DescribeRepositories', 'ecr:DescribeImages', 'ecr:DescribeImageScanFindings'];
const POD_IDENTITY = ['eks:ListPodIdentityAssociations', 'eks:DescribePodIdentityAssociation'];
const ROLE = ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies'];

export const OPS_ACCESS: Readonly<Record<'status' | 'doctor' | 'secrets' | 'images' | 'logs' | 'runbook', OpsAccess>> =
  {
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
    runbook: {
      aws: ['logs:DescribeLogGroups', 'cloudwatch:DescribeAlarms'],
      kinds: [
        'CronJob',
        'DaemonSet',
        'Deployment',
        'ExternalSecret',
        'HorizontalPodAutoscaler',
        'Node',
        'PersistentVolume',
        'PersistentVolumeClaim',
        'ScaledObject',
        'StatefulSet',
      ],
      subresources: [],
    },
  };

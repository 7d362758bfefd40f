import { z } from 'zod';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../versions/lock.js';
import { verifySchema } from './verify.js';

/**
 * The settings an environment can carry. Every key here can be set once for the
 * whole project (top level of the config file) and overridden per environment;
 * the environment's preset (`test` or `prod`) fills whatever neither sets.
 *
 * All objects are strict: an unknown key is an error with a "did you mean".
 */

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lowercase letters, digits and "-", starting and ending alphanumeric')
  .max(63);

/** What happens to a stateful resource when its stack is deleted: kept in the account, or deleted with the stack. */
export const removalPolicySchema = z.enum(['retain', 'destroy']);
export type RemovalPolicySetting = z.infer<typeof removalPolicySchema>;

export const capacityTypeSchema = z.enum(['onDemand', 'spot']);
export type CapacityType = z.infer<typeof capacityTypeSchema>;

export const nodeGroupSchema = z
  .strictObject({
    name: dnsLabel.describe('Node group name; the label slipway.io/node-group carries it.'),
    capacity: capacityTypeSchema.describe('onDemand for stateful and critical workloads, spot for interruptible ones.'),
    instanceTypes: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as m6i.large'))
      .min(1)
      .describe('EC2 instance types; spot groups should list several so capacity can be found.'),
    min: z.number().int().min(0).describe('Minimum node count of this group.'),
    desired: z.number().int().min(0).describe('Desired node count at creation.'),
    max: z.number().int().min(1).describe('Maximum node count the autoscaler may reach.'),
    diskSizeGb: z.number().int().min(20).max(16384).default(50).describe('Root volume size in GiB.'),
    labels: z.record(z.string(), z.string()).default({}).describe('Extra Kubernetes labels on the nodes.'),
  })
  .check((ctx) => {
    const g = ctx.value;
    if (g.desired < g.min || g.desired > g.max) {
      ctx.issues.push({
        code: 'custom',
        input: g.desired,
        path: ['desired'],
        message: `desired (${g.desired}) must lie between min (${g.min}) and max (${g.max})`,
      });
    }
    if (g.min > g.max) {
      ctx.issues.push({
        code: 'custom',
        input: g.min,
        path: ['min'],
        message: `min (${g.min}) must not exceed max (${g.max})`,
      });
    }
  });
export type NodeGroupConfig = z.infer<typeof nodeGroupSchema>;

export const networkSchema = z.strictObject({
  vpcCidr: z
    .string()
    .regex(/^(\d{1,3}\.){3}\d{1,3}\/(1[6-9]|2[0-4])$/, 'an IPv4 CIDR from /16 to /24, such as 10.0.0.0/16')
    .describe('VPC address range.'),
  azCount: z.number().int().min(2).max(6).describe('How many availability zones the VPC and node groups span.'),
  availabilityZones: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'an availability zone name such as us-east-1a'))
    .optional()
    .describe('Explicit zone names; default: the first azCount zones of the region (a-f).'),
  natGateways: z
    .enum(['perAz', 'single'])
    .describe('perAz survives a zone outage; single is cheaper and fits test environments.'),
  vpcEndpoints: z
    .boolean()
    .describe('Interface endpoints for ECR, Logs, STS, Secrets Manager and an S3 gateway, to avoid NAT charges.'),
});

export const clusterSchema = z.strictObject({
  name: dnsLabel.optional().describe('EKS cluster name; default <project>-<environment>.'),
  endpointAccess: z
    .enum(['private', 'publicAndPrivate'])
    .describe('API server endpoint; public access is only opened to publicAccessCidrs.'),
  publicAccessCidrs: z
    .array(z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'an IPv4 CIDR'))
    .describe('CIDRs allowed to reach a public endpoint.'),
  admins: z
    .array(
      z.string().regex(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:(role|user|assumed-role)\/.+$/, 'an IAM role or user ARN'),
    )
    .describe('IAM principals given cluster-admin through EKS access entries.'),
  controlPlaneLogging: z
    .array(z.enum(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']))
    .describe('Control plane log types sent to CloudWatch.'),
  irsa: z.boolean().describe('Also create an IAM OIDC provider (IRSA); Pod Identity is used without it.'),
  terminationProtection: z
    .boolean()
    .describe('CloudFormation termination protection on the platform stack (on in the prod preset).'),
  removalPolicy: removalPolicySchema.describe(
    'The cluster and the KMS key that encrypts its secrets when the stack is deleted: retain (prod preset) or destroy.',
  ),
  destroyNeedsForce: z
    .boolean()
    .describe('slipway destroy also needs --force besides the typed cluster name (on in the prod preset).'),
});

/** What adds nodes when pods are Pending (docs/platform.md, "Node autoscaling"). */
export const NODE_AUTOSCALERS = ['cluster-autoscaler', 'karpenter', 'auto-mode'] as const;

export const nodesSchema = z.strictObject({
  groups: z.array(nodeGroupSchema).min(1).describe('Managed node groups; each spans every private subnet.'),
  autoscaler: z
    .enum(NODE_AUTOSCALERS)
    .default('cluster-autoscaler')
    .describe(
      'What adds nodes for Pending pods: cluster-autoscaler grows the node groups (auto-discovery), karpenter ' +
        'launches nodes from NodePools derived from the node groups, auto-mode lets EKS Auto Mode manage compute.',
    ),
});

export const secretsSchema = z.strictObject({
  path: z
    .string()
    .regex(/^[A-Za-z0-9/_+=.@-]+$/, 'a Secrets Manager name prefix such as EKS/prod')
    .optional()
    .describe('Secrets Manager prefix this environment reads; default EKS/<environment>.'),
  kmsKeyArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/, 'a KMS key ARN')
    .optional()
    .describe('Customer managed key the secrets are encrypted with, if not the AWS managed key.'),
  clusterStoreNamespaces: z
    .array(dnsLabel)
    .default([])
    .describe(
      'Namespaces, besides those of apps with secrets in a project without tiers, that may use the ClusterSecretStore aws-secrets-manager.',
    ),
});

export const logsSchema = z.strictObject({
  retentionDays: z
    .number()
    .int()
    .refine((d) => CLOUDWATCH_RETENTION_DAYS.includes(d), {
      message: 'a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)',
    })
    .describe('Retention of every log group the platform creates.'),
  removalPolicy: removalPolicySchema.describe(
    'Every log group the platform creates (control plane, VPC flow logs, Container Insights, Lambda functions) when the stack is deleted: retain (prod preset) or destroy.',
  ),
});

export const alarmsSchema = z.strictObject({
  enabled: z.boolean().describe('Create CloudWatch alarms for node CPU, memory, failed nodes and pod restarts.'),
  email: z.array(z.email()).default([]).describe('Addresses subscribed to the alarm topic.'),
  snsTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:.+$/, 'an SNS topic ARN')
    .optional()
    .describe('Existing topic to notify instead of creating one.'),
  cpuPercent: z.number().min(1).max(100).describe('Node CPU utilisation that raises the alarm.'),
  memoryPercent: z.number().min(1).max(100).describe('Node memory utilisation that raises the alarm.'),
  podRestarts: z.number().int().min(1).describe('Container restarts within five minutes that raise the alarm.'),
  errorLines: z
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('Error lines in the application log group within five minutes that raise the alarm.'),
  errorTerms: z
    .array(z.string().regex(/^[A-Za-z0-9_.:=-]+$/, 'a single word such as ERROR'))
    .min(1)
    .default(['ERROR', 'FATAL', 'panic'])
    .describe('Words that mark an application log line as an error (any of them, case-sensitive).'),
  target5xx: z
    .strictObject({
      count: z
        .number()
        .int()
        .min(1)
        .describe("5XX responses from one app's targets (HTTPCode_Target_5XX_Count) within a period that breach."),
      periodMinutes: z.number().int().min(1).max(60).describe('Length of one evaluation period, in minutes.'),
      evaluationPeriods: z
        .number()
        .int()
        .min(1)
        .max(24)
        .describe('Consecutive breaching periods before the alarm fires.'),
    })
    .describe(
      "The ALB target 5XX alarm: one Metrics Insights alarm over the environment's ALB, each public app's target group a contributor of its own.",
    ),
  resourceTagsForTelemetry: z
    .enum(['create', 'existing'])
    .default('create')
    .describe(
      'The 5XX alarm finds the ALB by its tag, which needs CloudWatch resource tags for telemetry (one per account and region): create turns it on from this stack, existing relies on it being on already (another environment in this account and region creates it).',
    ),
});

export const backupSchema = z.strictObject({
  schedule: z.enum(['manual', 'daily']).describe('daily: an AWS Backup plan snapshots tagged EBS volumes.'),
  retentionDays: z.number().int().min(1).max(36500).describe('How long snapshots are kept.'),
  cron: z.string().default('cron(0 3 * * ? *)').describe('AWS Backup schedule expression used when schedule is daily.'),
  removalPolicy: removalPolicySchema.describe(
    'The backup vault when the stack is deleted: retain (prod preset) or destroy (only possible once it is empty).',
  ),
});

export const componentsSchema = z.strictObject({
  registry: z.boolean().describe('1.1 ECR repositories.'),
  ingress: z.boolean().describe('1.3 AWS Load Balancer Controller and HTTPS ingress.'),
  storage: z.boolean().describe('1.4 EBS CSI driver and gp3/io2 storage classes.'),
  identity: z.boolean().describe('1.5 EKS Pod Identity agent.'),
  secrets: z.boolean().describe('1.6 External Secrets Operator.'),
  observability: z.boolean().describe('1.7 CloudWatch Observability add-on, log groups and alarms.'),
  backup: z.boolean().describe('Scheduled EBS snapshots.'),
});

export const addonsSchema = z.strictObject({
  metricsServer: z.boolean().describe('Pod metrics for HPA and kubectl top.'),
  keda: z.boolean().describe('Event-driven autoscaling (queue workers).'),
  argocd: z.boolean().describe('GitOps delivery of the generated manifests.'),
});

export const registrySchema = z.strictObject({
  home: z
    .string()
    .optional()
    .describe(
      'The environment whose stack creates the repositories; the other environments in its account and region import them by name. It may name an environment in another account or region: images are then pulled from its registry, whose repository policy lets this account pull. Default: the first prod-preset environment in the same account and region, else the first environment there.',
    ),
  repositories: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(
            /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/,
            'an ECR repository name such as shop/api',
          ),
      }),
    )
    .describe('Repositories to create besides the ones apps declare.'),
  immutableTags: z.boolean().describe('Refuse to overwrite an existing tag.'),
  keepLastImages: z.number().int().min(1).max(10000).describe('Tagged images kept by the lifecycle policy.'),
  untaggedExpiryDays: z.number().int().min(1).describe('Untagged images expire after this many days.'),
  replicationRegions: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-west-2'))
    .describe('Regions images are replicated to (disaster recovery).'),
  removalPolicy: removalPolicySchema.describe(
    'The repositories this stack creates when it is deleted: retain (prod preset) or destroy (images included).',
  ),
});

export const workloadsSchema = z.strictObject({
  minReplicas: z.number().int().min(1).describe('Fewest replicas a user-facing workload may run.'),
  maxVolumeGi: z.number().int().min(1).describe('Claims larger than this are reported as possibly oversized.'),
  terminationGraceSeconds: z.number().int().min(0).describe('Default grace period for graceful shutdown.'),
  volumeReclaimPolicy: z
    .enum(['Retain', 'Delete'])
    .describe(
      "The StorageClasses' reclaimPolicy: what happens to an EBS volume when its claim is deleted (Retain in the prod preset).",
    ),
});

export const gitopsSchema = z.strictObject({
  tool: z
    .enum(['argocd', 'flux'])
    .default('argocd')
    .describe('Which GitOps controller syncs the generated manifests: Argo CD Applications or Flux Kustomizations.'),
  repoURL: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Git repository the controller pulls the generated manifests from; default the origin remote of the repository that holds the synth output.',
    ),
  transport: z
    .enum(['https', 'ssh'])
    .optional()
    .describe('Write the origin remote as an https or an ssh URL; default as the remote is written.'),
  targetRevision: z.string().min(1).default('HEAD').describe('Branch, tag or commit the controller follows.'),
  path: z
    .string()
    .optional()
    .describe(
      "Path of this environment's apps output from the root of the Git repository; default found from where synth writes it.",
    ),
  requireRepository: z
    .boolean()
    .default(false)
    .describe(
      'Refuse to synth without a known repository URL (on in the prod preset); off: warn and write no sync objects.',
    ),
  prune: z
    .boolean()
    .optional()
    .describe('Delete from the cluster what the repository no longer has; default on once the repository URL is real.'),
  selfHeal: z
    .boolean()
    .optional()
    .describe('Undo changes made outside Git; default on once the repository URL is real.'),
});

/** Retention periods CloudWatch Logs accepts. */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The settings an environment resolves, with every value present. */
export const environmentSettingsShape = {
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'),
  account: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit AWS account id')
    .optional(),
  kubernetesVersion: z.enum(SUPPORTED_KUBERNETES_VERSIONS, {
    error: `a Kubernetes minor that Slipway's version lock supports: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}`,
  }),
  domain: z
    .strictObject({
      name: z.string().regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, 'a DNS name such as shop.example.com'),
      certificateArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/.+$/, 'an ACM certificate ARN')
        .optional(),
      hostedZoneId: z.string().optional(),
    })
    .optional(),
  network: networkSchema,
  cluster: clusterSchema,
  nodes: nodesSchema,
  secrets: secretsSchema,
  logs: logsSchema,
  alarms: alarmsSchema,
  backup: backupSchema,
  components: componentsSchema,
  addons: addonsSchema,
  registry: registrySchema,
  workloads: workloadsSchema,
  verify: verifySchema.default({ failOn: 'high', rules: {}, exemptions: [] }),
  gitops: gitopsSchema.default({ tool: 'argocd', targetRevision: 'HEAD', requireRepository: false }),
};

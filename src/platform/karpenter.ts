import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as eks from './cdk/aws-eks-v2.js';
import * as events from './cdk/aws-events.js';
import * as targets from './cdk/aws-events-targets.js';
import * as iam from './cdk/aws-iam.js';
import * as sqs from './cdk/aws-sqs.js';
import { Duration, Stack, Validations } from './cdk/core.js';
import { karpenterNodePools } from './karpenter-node-pools.js';
import { karpenterStatements } from './karpenter-policy.js';
import { acknowledgeManagedPolicies, acknowledgeWildcardResources } from './nag.js';
import { PodIdentityRole } from './pod-identity-role.js';
import type { HelmChartLock } from './versions.js';

export interface KarpenterProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly lock: HelmChartLock;
  /** Subnets Karpenter launches nodes in (the private ones). */
  readonly subnets: readonly ec2.ISubnet[];
}

const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonSSMManagedInstanceCore',
];

export const KARPENTER = { namespace: 'kube-system', serviceAccount: 'karpenter' } as const;

/**
 * Karpenter (when `addons.karpenter`): a node role registered through an EC2
 * access entry, a spot-interruption queue fed by EventBridge, the controller's
 * Pod Identity role scoped by this cluster's tags (karpenter-policy.ts), the
 * locked chart, and one NodePool and EC2NodeClass per configured node group
 * (karpenter-node-pools.ts).
 */
export class Karpenter extends Construct {
  readonly role: PodIdentityRole;
  readonly nodeRole: iam.Role;
  readonly queue: sqs.Queue;
  readonly chart: eks.HelmChart;
  readonly nodePools: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    super(scope, id);
    const { env, cluster, lock } = props;
    const { account, region } = Stack.of(this);

    this.nodeRole = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: NODE_POLICIES.map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
    });
    acknowledgeManagedPolicies(
      this.nodeRole,
      NODE_POLICIES,
      'EKS documents these AWS managed policies for node roles; SSM lets operators reach nodes without SSH keys.',
    );
    new eks.AccessEntry(this, 'NodeAccess', {
      cluster,
      principal: this.nodeRole.roleArn,
      accessEntryType: eks.AccessEntryType.EC2_LINUX,
      accessPolicies: [],
    });

    const queueName = `${env.clusterName}-karpenter`;
    this.queue = new sqs.Queue(this, 'Interruptions', {
      queueName,
      retentionPeriod: Duration.minutes(5),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'Interruption notices are only useful within minutes; a dead-letter queue would keep stale ones.',
    });
    const interruptionEvents: [string, events.EventPattern][] = [
      ['SpotInterruption', { source: ['aws.ec2'], detailType: ['EC2 Spot Instance Interruption Warning'] }],
      ['Rebalance', { source: ['aws.ec2'], detailType: ['EC2 Instance Rebalance Recommendation'] }],
      ['StateChange', { source: ['aws.ec2'], detailType: ['EC2 Instance State-change Notification'] }],
      ['Health', { source: ['aws.health'], detailType: ['AWS Health Event'] }],
    ];
    for (const [rid, pattern] of interruptionEvents) {
      new events.Rule(this, rid, { eventPattern: pattern, targets: [new targets.SqsQueue(this.queue)] });
    }

    const statements = karpenterStatements({
      clusterName: env.clusterName,
      region,
      account,
      clusterArn: cluster.clusterArn,
      nodeRoleArn: this.nodeRole.roleArn,
      queueArn: this.queue.queueArn,
    });
    this.role = new PodIdentityRole(this, 'ControllerIdentity', { cluster, ...KARPENTER, statements });
    acknowledgeWildcardResources(
      this.role,
      statements.flatMap((s) => s.resources),
      'Karpenter names its instances, launch templates and instance profiles at run time; every change is ' +
        "conditioned on this cluster's ownership and NodePool tags, and describe calls on the region (upstream reference policy).",
    );

    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster,
      chart: lock.chart,
      version: lock.version,
      release: 'karpenter',
      namespace: KARPENTER.namespace,
      wait: true,
      values: {
        serviceAccount: { create: true, name: KARPENTER.serviceAccount },
        // The literal queue name keeps the chart values plain JSON in the template.
        settings: { clusterName: env.clusterName, interruptionQueue: queueName },
        replicas: 2,
      },
    });
    this.chart.node.addDependency(this.role.association);

    this.nodePools = cluster.addManifest(
      'NodePools',
      ...karpenterNodePools(env, {
        nodeRoleName: this.nodeRole.roleName,
        subnetIds: props.subnets.map((s) => s.subnetId),
        securityGroupIds: [cluster.clusterSecurityGroupId],
      }),
    );
    // The NodePool and EC2NodeClass kinds exist once the chart has installed their CRDs.
    this.nodePools.node.addDependency(this.chart);
  }
}

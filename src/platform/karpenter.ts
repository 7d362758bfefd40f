import { Duration, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import { PodIdentityRole } from './pod-identity-role.js';
import type { HelmChartLock } from './versions.js';

export interface KarpenterProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly lock: HelmChartLock;
}

export const KARPENTER = { namespace: 'kube-system', serviceAccount: 'karpenter' } as const;

/**
 * Karpenter (when `addons.karpenter`): a node role registered through an EC2
 * access entry, a spot-interruption queue fed by EventBridge, the controller's
 * Pod Identity role scoped to this account and region, and the locked chart.
 * NodePools/EC2NodeClasses are the operator's to write.
 */
export class Karpenter extends Construct {
  readonly role: PodIdentityRole;
  readonly nodeRole: iam.Role;
  readonly queue: sqs.Queue;
  readonly chart: eks.HelmChart;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    super(scope, id);
    const { env, cluster, lock } = props;
    const { account, region } = Stack.of(this);

    this.nodeRole = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
        'AmazonSSMManagedInstanceCore',
      ].map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
    });
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
    const interruptionEvents: [string, events.EventPattern][] = [
      ['SpotInterruption', { source: ['aws.ec2'], detailType: ['EC2 Spot Instance Interruption Warning'] }],
      ['Rebalance', { source: ['aws.ec2'], detailType: ['EC2 Instance Rebalance Recommendation'] }],
      ['StateChange', { source: ['aws.ec2'], detailType: ['EC2 Instance State-change Notification'] }],
      ['Health', { source: ['aws.health'], detailType: ['AWS Health Event'] }],
    ];
    for (const [rid, pattern] of interruptionEvents) {
      new events.Rule(this, rid, { eventPattern: pattern, targets: [new targets.SqsQueue(this.queue)] });
    }

    const ec2Arn = (res: string) => `arn:aws:ec2:${region}:${account}:${res}`;
    this.role = new PodIdentityRole(this, 'ControllerIdentity', {
      cluster,
      ...KARPENTER,
      statements: [
        {
          actions: [
            'ec2:DescribeAvailabilityZones',
            'ec2:DescribeImages',
            'ec2:DescribeInstances',
            'ec2:DescribeInstanceTypeOfferings',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeLaunchTemplates',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSpotPriceHistory',
            'ec2:DescribeSubnets',
            'pricing:GetProducts',
          ],
          resources: ['*'],
        },
        {
          actions: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate', 'ec2:CreateTags'],
          resources: [ec2Arn('*'), `arn:aws:ec2:${region}::image/*`, `arn:aws:ec2:${region}::snapshot/*`],
        },
        {
          actions: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
          resources: [ec2Arn('instance/*'), ec2Arn('launch-template/*')],
        },
        { actions: ['iam:PassRole'], resources: [this.nodeRole.roleArn] },
        {
          actions: [
            'iam:GetInstanceProfile',
            'iam:CreateInstanceProfile',
            'iam:TagInstanceProfile',
            'iam:AddRoleToInstanceProfile',
            'iam:RemoveRoleFromInstanceProfile',
            'iam:DeleteInstanceProfile',
          ],
          resources: [`arn:aws:iam::${account}:instance-profile/*`],
        },
        { actions: ['ssm:GetParameter'], resources: [`arn:aws:ssm:${region}::parameter/aws/service/*`] },
        { actions: ['eks:DescribeCluster'], resources: [cluster.clusterArn] },
        { actions: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], resources: [this.queue.queueArn] },
      ],
    });

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
  }
}

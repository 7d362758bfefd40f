import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as eks from './cdk/aws-eks-v2.js';
import { Stack } from './cdk/core.js';
import { acknowledgeWildcardResources } from './nag.js';
import { PodIdentityRole, type PodIdentityStatement } from './pod-identity-role.js';
import type { VersionLock } from './versions.js';

export interface ClusterAutoscalerProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly lock: VersionLock['charts']['clusterAutoscaler'];
}

export const CLUSTER_AUTOSCALER = { namespace: 'kube-system', serviceAccount: 'cluster-autoscaler' } as const;

/** The tag EKS puts on the Auto Scaling group of every managed node group of a cluster. */
export function autoscalerOwnerTag(clusterName: string): string {
  return `k8s.io/cluster-autoscaler/${clusterName}`;
}

/** What the Cluster Autoscaler may call: reads region-wide, changes only to this cluster's node group ASGs. */
export function clusterAutoscalerStatements(
  clusterName: string,
  region: string,
  account: string,
): PodIdentityStatement[] {
  return [
    {
      actions: [
        'autoscaling:DescribeAutoScalingGroups',
        'autoscaling:DescribeAutoScalingInstances',
        'autoscaling:DescribeLaunchConfigurations',
        'autoscaling:DescribeScalingActivities',
        'autoscaling:DescribeTags',
        'ec2:DescribeImages',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplateVersions',
        'ec2:GetInstanceTypesFromInstanceRequirements',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': region } },
    },
    {
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      resources: [`arn:aws:autoscaling:${region}:${account}:autoScalingGroup:*:autoScalingGroupName/eks-*`],
      conditions: { StringEquals: { [`aws:ResourceTag/${autoscalerOwnerTag(clusterName)}`]: 'owned' } },
    },
    {
      actions: ['eks:DescribeNodegroup'],
      resources: [`arn:aws:eks:${region}:${account}:nodegroup/${clusterName}/*`],
    },
  ];
}

/**
 * The Cluster Autoscaler with auto-discovery: it finds the managed node
 * groups by the tags EKS puts on their Auto Scaling groups and grows one
 * (within its min/max) when pods are Pending, shrinking it when nodes sit
 * idle. Its Pod Identity role may change only this cluster's groups.
 */
export class ClusterAutoscaler extends Construct {
  readonly role: PodIdentityRole;
  readonly chart: eks.HelmChart;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerProps) {
    super(scope, id);
    const { env, cluster, lock } = props;
    const { account, region } = Stack.of(this);
    const statements = clusterAutoscalerStatements(env.clusterName, region, account);
    this.role = new PodIdentityRole(this, 'ControllerIdentity', { cluster, ...CLUSTER_AUTOSCALER, statements });
    acknowledgeWildcardResources(
      this.role,
      statements.flatMap((s) => s.resources),
      'Autoscaling and EC2 describe calls take no resource ARN (region-conditioned); scaling is limited to ASGs ' +
        "tagged as owned by this cluster, and node group reads to this cluster's node groups.",
    );
    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster,
      chart: lock.chart,
      repository: lock.repository,
      version: lock.version,
      release: 'cluster-autoscaler',
      namespace: CLUSTER_AUTOSCALER.namespace,
      wait: true,
      values: {
        cloudProvider: 'aws',
        awsRegion: env.region,
        autoDiscovery: { clusterName: env.clusterName },
        image: { tag: lock.imageTag },
        rbac: { serviceAccount: { create: true, name: CLUSTER_AUTOSCALER.serviceAccount } },
        replicaCount: 2,
        extraArgs: {
          'balance-similar-node-groups': true,
          'skip-nodes-with-system-pods': false,
          expander: 'least-waste',
        },
      },
    });
    this.chart.node.addDependency(this.role.association);
  }
}

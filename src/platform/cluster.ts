import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as ec2 from './cdk/aws-ec2.js';
import * as eks from './cdk/aws-eks-v2.js';
import * as kms from './cdk/aws-kms.js';
import * as logs from './cdk/aws-logs.js';
import { RemovalPolicy, Validations } from './cdk/core.js';
import { lockedAddon } from './managed-addon.js';
import { acknowledgeManagedPolicies, acknowledgeWildcardResources, conditionLogicalId, logicalIdAt } from './nag.js';
import { NODE_LABELS, nodeLabels } from './node-labels.js';
import { NodeLaunchTemplate } from './node-launch-template.js';
import { removalPolicyOf } from './removal-policy.js';
import type { VersionLock } from './versions.js';
import { VPC_CNI_CONFIGURATION } from './vpc-cni.js';

export { NODE_LABELS, nodeLabels };

/** Builds the kubectl layer for the cluster's Kubernetes minor (resolved from the version lock). */
export type KubectlLayerFactory = (scope: Construct, id: string) => lambda.ILayerVersion;

export interface ClusterProps {
  readonly env: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
  readonly versions: VersionLock;
  readonly kubectlLayer: KubectlLayerFactory;
}

/** Node labels every managed node group carries, so workloads can choose capacity. */
/** EKS add-ons the cluster itself needs; installed as managed add-ons at locked versions. */
export const CORE_ADDONS = ['vpc-cni', 'kube-proxy', 'coredns'] as const;

/**
 * 1.2 the EKS cluster: locked Kubernetes version, private endpoint (public only
 * to listed CIDRs when configured), secrets envelope-encrypted with a KMS key,
 * control plane logging, access entries for admins, managed node groups in
 * every private subnet, and the core add-ons at locked versions.
 */
export class Cluster extends Construct {
  readonly cluster: eks.Cluster;
  readonly secretsKey: kms.Key;
  readonly nodegroups: eks.Nodegroup[] = [];
  readonly addons: eks.CfnAddon[] = [];
  /** /aws/eks/<cluster>/cluster, created before the cluster so it has a retention from the start. */
  readonly controlPlaneLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    const { env, vpc, versions } = props;

    this.secretsKey = new kms.Key(this, 'SecretsKey', {
      description: `Envelope encryption of Kubernetes secrets in ${env.clusterName}`,
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(env.cluster.removalPolicy),
    });

    this.controlPlaneLogGroup = new logs.LogGroup(this, 'ControlPlaneLogs', {
      logGroupName: `/aws/eks/${env.clusterName}/cluster`,
      retention: env.logs.retentionDays as logs.RetentionDays,
      removalPolicy: removalPolicyOf(env.logs.removalPolicy),
    });

    const endpointAccess =
      env.cluster.endpointAccess === 'publicAndPrivate'
        ? eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...env.cluster.publicAccessCidrs)
        : eks.EndpointAccess.PRIVATE;

    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: env.clusterName,
      version: eks.KubernetesVersion.of(env.kubernetesVersion),
      vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      endpointAccess,
      secretsEncryptionKey: this.secretsKey,
      clusterLogging: env.cluster.controlPlaneLogging.map((t) => t as eks.ClusterLoggingTypes),
      // Auto Mode (nodes.autoscaler: auto-mode) runs its built-in node pools beside the managed node groups.
      ...(env.nodes.autoscaler === 'auto-mode'
        ? {
            defaultCapacityType: eks.DefaultCapacityType.AUTOMODE,
            compute: { nodePools: ['system', 'general-purpose'] },
          }
        : { defaultCapacityType: eks.DefaultCapacityType.NODEGROUP, defaultCapacity: 0 }),
      bootstrapSelfManagedAddons: false,
      kubectlProviderOptions: { kubectlLayer: props.kubectlLayer(this, 'KubectlLayer') },
      // Left unset for destroy: the construct's default, so the template carries no explicit Delete.
      removalPolicy: env.cluster.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : undefined,
      tags: { 'slipway.io/environment': env.name, 'slipway.io/project': env.project },
    });

    this.cluster.node.addDependency(this.controlPlaneLogGroup);
    this.acknowledgeInternals();
    Validations.of(this.cluster).acknowledge({
      id: 'CloudFormation-Validate::W9009',
      reason: 'aws-eks-v2 renders EncryptionConfig.Resources ["secrets"], which the EKS API still requires.',
    });

    env.cluster.admins.forEach((arn, i) => {
      this.cluster.grantClusterAdmin(`Admin${i + 1}`, arn);
    });

    const addon = (name: (typeof CORE_ADDONS)[number], configuration?: Record<string, unknown>) =>
      lockedAddon(this, `Addon-${name}`, this.cluster.clusterName, versions, name, configuration);
    // The CNI's network policy agent is what makes NetworkPolicy objects take effect.
    const vpcCni = addon('vpc-cni', VPC_CNI_CONFIGURATION);
    const kubeProxy = addon('kube-proxy');
    this.addons.push(vpcCni, kubeProxy);

    for (const group of env.nodes.groups) {
      const launchTemplate = new NodeLaunchTemplate(this, `${pascal(group.name)}LaunchTemplate`, {
        rootVolumeGb: group.diskSizeGb,
      });
      const ng = this.cluster.addNodegroupCapacity(pascal(group.name), {
        nodegroupName: `${env.clusterName}-${group.name}`.slice(0, 63),
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        instanceTypes: group.instanceTypes.map((t) => new ec2.InstanceType(t)),
        amiType: amiTypeFor(group.instanceTypes),
        capacityType: group.capacity === 'spot' ? eks.CapacityType.SPOT : eks.CapacityType.ON_DEMAND,
        minSize: group.min,
        desiredSize: group.desired,
        maxSize: group.max,
        launchTemplateSpec: launchTemplate.spec,
        labels: nodeLabels(group),
        enableNodeAutoRepair: true,
        tags: { 'slipway.io/node-group': group.name },
      });
      ng.node.addDependency(vpcCni, kubeProxy);
      this.nodegroups.push(ng);
    }

    // CoreDNS only becomes healthy once nodes can run it.
    const coredns = addon('coredns');
    for (const ng of this.nodegroups) coredns.node.addDependency(ng);
    this.addons.push(coredns);
  }

  /** cdk-nag findings on resources aws-eks-v2 creates for us (not configurable from here). */
  private acknowledgeInternals(): void {
    acknowledgeManagedPolicies(
      this.cluster,
      [
        'AmazonEKSClusterPolicy',
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
        'service-role/AWSLambdaBasicExecutionRole',
        'service-role/AWSLambdaVPCAccessExecutionRole',
      ],
      'EKS documents these AWS managed policies for the cluster role, managed node group roles and the kubectl ' +
        'provider Lambdas that aws-eks-v2 creates; they track EKS changes, which a copied policy would not.',
    );
    const hasEcrPublic = conditionLogicalId(this.cluster, 'HasEcrPublic');
    if (hasEcrPublic) {
      Validations.of(this.cluster).acknowledge({
        id: `AwsSolutions-IAM4[Policy::{"Fn::If":["${hasEcrPublic}",{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly"]]},{"Ref":"AWS::NoValue"}]}]`,
        reason: 'aws-eks-v2 lets the kubectl handler pull public ECR charts with the AWS managed read-only policy.',
      });
    }
    const handler = logicalIdAt(this.cluster, 'KubectlProvider', 'Handler');
    if (handler) {
      acknowledgeWildcardResources(
        this.cluster,
        [`<${handler}.Arn>:*`],
        'The kubectl provider framework may invoke any version of its own handler function (aws-eks-v2 internals).',
      );
    }
    Validations.of(this.cluster).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The kubectl handler runtime is pinned by aws-eks-v2 to match the kubectl layer; it is not ours to choose.',
    });
  }
}

/** Amazon Linux 2023 (AL2 has no AMIs for Kubernetes 1.33+); ARM when every type is Graviton. */
export function amiTypeFor(instanceTypes: readonly string[]): eks.NodegroupAmiType {
  const graviton = instanceTypes.every((t) => /^[a-z]+\d+g[a-z]*\./.test(t));
  return graviton ? eks.NodegroupAmiType.AL2023_ARM_64_STANDARD : eks.NodegroupAmiType.AL2023_X86_64_STANDARD;
}

export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

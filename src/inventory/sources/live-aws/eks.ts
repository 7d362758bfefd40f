import {
  describeAddons,
  describeCluster,
  describeNodegroups,
  listInsights,
  podIdentityAssociations,
} from '../../../aws/readers/eks.js';
import type { LiveAwsContext } from './context.js';

export async function collectCluster(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Cluster'], async () => {
    const c = await describeCluster(ctx.aws, ctx.target.clusterName);
    let insights: unknown[] | undefined;
    try {
      insights = (await listInsights(ctx.aws, ctx.target.clusterName)).map((i) => ({
        Name: i.name,
        Category: i.category,
        KubernetesVersion: i.kubernetesVersion,
        Status: i.insightStatus?.status,
        Reason: i.insightStatus?.reason,
      }));
    } catch (e) {
      ctx.notes.push(`EKS upgrade insights not read (${e instanceof Error ? e.message : String(e)})`);
    }
    const vpc = c.resourcesVpcConfig;
    ctx.add(
      'AWS::EKS::Cluster',
      c.arn ?? ctx.target.clusterName,
      {
        Name: c.name,
        Version: c.version,
        ComputeConfig: c.computeConfig && { Enabled: c.computeConfig.enabled, NodePools: c.computeConfig.nodePools },
        RoleArn: c.roleArn,
        ResourcesVpcConfig: vpc && {
          SubnetIds: vpc.subnetIds,
          SecurityGroupIds: vpc.securityGroupIds,
          EndpointPublicAccess: vpc.endpointPublicAccess,
          EndpointPrivateAccess: vpc.endpointPrivateAccess,
          PublicAccessCidrs: vpc.publicAccessCidrs,
        },
        Logging: {
          ClusterLogging: {
            EnabledTypes: (c.logging?.clusterLogging ?? [])
              .filter((l) => l.enabled)
              .flatMap((l) => l.types ?? [])
              .map((Type) => ({ Type })),
          },
        },
        AccessConfig: c.accessConfig && { AuthenticationMode: c.accessConfig.authenticationMode },
        EncryptionConfig: c.encryptionConfig?.map((e) => ({
          Resources: e.resources,
          Provider: { KeyArn: e.provider?.keyArn },
        })),
        UpgradePolicy: c.upgradePolicy && { SupportType: c.upgradePolicy.supportType },
      },
      { status: c.status, platformVersion: c.platformVersion, vpcId: vpc?.vpcId, insights },
    );
  });
}

export async function collectNodegroups(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Nodegroup'], async () => {
    const clusterName = ctx.target.clusterName;
    for (const g of await describeNodegroups(ctx.aws, clusterName)) {
      ctx.add(
        'AWS::EKS::Nodegroup',
        g.nodegroupArn ?? `${clusterName}/${g.nodegroupName}`,
        {
          ClusterName: g.clusterName,
          NodegroupName: g.nodegroupName,
          CapacityType: g.capacityType,
          InstanceTypes: g.instanceTypes,
          Subnets: g.subnets,
          ScalingConfig: g.scalingConfig && {
            MinSize: g.scalingConfig.minSize,
            DesiredSize: g.scalingConfig.desiredSize,
            MaxSize: g.scalingConfig.maxSize,
          },
          AmiType: g.amiType,
          NodeRole: g.nodeRole,
          Labels: g.labels,
          DiskSize: g.diskSize,
          LaunchTemplate: g.launchTemplate && {
            Id: g.launchTemplate.id,
            Name: g.launchTemplate.name,
            Version: g.launchTemplate.version,
          },
          RemoteAccess: g.remoteAccess && { Ec2SshKey: g.remoteAccess.ec2SshKey },
          Version: g.version,
          ReleaseVersion: g.releaseVersion,
          Taints: g.taints?.map((t) => ({ Key: t.key, Value: t.value, Effect: t.effect })),
          UpdateConfig: g.updateConfig && { MaxUnavailable: g.updateConfig.maxUnavailable },
        },
        { status: g.status, healthIssues: g.health?.issues?.map((i) => ({ Code: i.code, Message: i.message })) },
      );
    }
  });
}

export async function collectAddons(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Addon'], async () => {
    const clusterName = ctx.target.clusterName;
    for (const a of await describeAddons(ctx.aws, clusterName)) {
      ctx.add(
        'AWS::EKS::Addon',
        a.addonArn ?? `${clusterName}/${a.addonName}`,
        {
          ClusterName: a.clusterName,
          AddonName: a.addonName,
          AddonVersion: a.addonVersion,
          ServiceAccountRoleArn: a.serviceAccountRoleArn,
          ConfigurationValues: a.configurationValues,
        },
        {
          status: a.status,
          healthIssues: a.health?.issues?.map((i) => ({ Code: i.code, Message: i.message })),
          podIdentityAssociations: a.podIdentityAssociations,
        },
      );
    }
  });
}

export async function collectPodIdentity(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EKS::PodIdentityAssociation'], async () => {
    for (const a of await podIdentityAssociations(ctx.aws, ctx.target.clusterName)) {
      ctx.add('AWS::EKS::PodIdentityAssociation', a.associationArn ?? '', {
        ClusterName: ctx.target.clusterName,
        Namespace: a.namespace,
        ServiceAccount: a.serviceAccount,
        RoleArn: a.roleArn,
      });
    }
  });
}

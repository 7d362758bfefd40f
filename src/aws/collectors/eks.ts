import type { Cluster } from '@aws-sdk/client-eks';
import { type AwsCollectContext, allPages, mapLimit } from '../context.js';

/** DescribeCluster, shared by every collector that needs the cluster's VPC. */
export function describeCluster(ctx: AwsCollectContext): Promise<Cluster> {
  return ctx.shared('cluster', async () => {
    const eks = await ctx.clients.eks();
    const { DescribeClusterCommand } = await import('@aws-sdk/client-eks');
    const out = await ctx.call('eks:DescribeCluster', () =>
      eks.send(new DescribeClusterCommand({ name: ctx.target.clusterName })),
    );
    if (!out.cluster) throw new Error(`cluster ${ctx.target.clusterName} not found`);
    return out.cluster;
  });
}

export async function collectCluster(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Cluster'], async () => {
    const c = await describeCluster(ctx);
    const eks = await ctx.clients.eks();
    const { ListInsightsCommand } = await import('@aws-sdk/client-eks');
    let insights: unknown[] | undefined;
    try {
      const list = await allPages(
        (nextToken) =>
          ctx.call('eks:ListInsights', () =>
            eks.send(new ListInsightsCommand({ clusterName: ctx.target.clusterName, nextToken })),
          ),
        (p) => p.insights,
        (p) => p.nextToken,
      );
      insights = list.map((i) => ({
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

export async function collectNodegroups(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Nodegroup'], async () => {
    const eks = await ctx.clients.eks();
    const { ListNodegroupsCommand, DescribeNodegroupCommand } = await import('@aws-sdk/client-eks');
    const clusterName = ctx.target.clusterName;
    const names = await allPages(
      (nextToken) =>
        ctx.call('eks:ListNodegroups', () => eks.send(new ListNodegroupsCommand({ clusterName, nextToken }))),
      (p) => p.nodegroups,
      (p) => p.nextToken,
    );
    const groups = await mapLimit(names, 4, (nodegroupName) =>
      ctx.call('eks:DescribeNodegroup', () => eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))),
    );
    for (const { nodegroup: g } of groups) {
      if (!g) continue;
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

export async function collectAddons(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::EKS::Addon'], async () => {
    const eks = await ctx.clients.eks();
    const { ListAddonsCommand, DescribeAddonCommand } = await import('@aws-sdk/client-eks');
    const clusterName = ctx.target.clusterName;
    const names = await allPages(
      (nextToken) => ctx.call('eks:ListAddons', () => eks.send(new ListAddonsCommand({ clusterName, nextToken }))),
      (p) => p.addons,
      (p) => p.nextToken,
    );
    const addons = await mapLimit(names, 4, (addonName) =>
      ctx.call('eks:DescribeAddon', () => eks.send(new DescribeAddonCommand({ clusterName, addonName }))),
    );
    for (const { addon: a } of addons) {
      if (!a) continue;
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

export interface Association {
  readonly arn: string;
  readonly namespace?: string;
  readonly serviceAccount?: string;
  readonly roleArn?: string;
}

/** ListPodIdentityAssociations + DescribePodIdentityAssociation, shared with the IAM collector. */
export function podIdentityAssociations(ctx: AwsCollectContext): Promise<Association[]> {
  return ctx.shared('associations', async () => {
    const eks = await ctx.clients.eks();
    const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand } = await import(
      '@aws-sdk/client-eks'
    );
    const clusterName = ctx.target.clusterName;
    const summaries = await allPages(
      (nextToken) =>
        ctx.call('eks:ListPodIdentityAssociations', () =>
          eks.send(new ListPodIdentityAssociationsCommand({ clusterName, nextToken })),
        ),
      (p) => p.associations,
      (p) => p.nextToken,
    );
    const described = await mapLimit(summaries, 4, (s) =>
      ctx.call('eks:DescribePodIdentityAssociation', () =>
        eks.send(new DescribePodIdentityAssociationCommand({ clusterName, associationId: s.associationId })),
      ),
    );
    return described.flatMap(({ association: a }) =>
      a
        ? [
            {
              arn: a.associationArn ?? '',
              namespace: a.namespace,
              serviceAccount: a.serviceAccount,
              roleArn: a.roleArn,
            },
          ]
        : [],
    );
  });
}

export async function collectPodIdentity(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::EKS::PodIdentityAssociation'], async () => {
    for (const a of await podIdentityAssociations(ctx)) {
      ctx.add('AWS::EKS::PodIdentityAssociation', a.arn, {
        ClusterName: ctx.target.clusterName,
        Namespace: a.namespace,
        ServiceAccount: a.serviceAccount,
        RoleArn: a.roleArn,
      });
    }
  });
}

import type {
  Addon,
  AddonInfo,
  Cluster,
  Insight,
  InsightSummary,
  Nodegroup,
  PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import { allPages, mapLimit } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** DescribeCluster (shared: every reader of the cluster's VPC asks once). Throws when the cluster does not exist. */
export function describeCluster(aws: AwsReader, clusterName: string): Promise<Cluster> {
  return aws.shared(`eks:DescribeCluster/${clusterName}`, async () => {
    const eks = await aws.clients.eks();
    const { DescribeClusterCommand } = await import('@aws-sdk/client-eks');
    const out = await aws.call('eks:DescribeCluster', () =>
      eks.send(new DescribeClusterCommand({ name: clusterName })),
    );
    if (!out.cluster) throw new Error(`cluster ${clusterName} not found`);
    return out.cluster;
  });
}

/** ListInsights: EKS upgrade and configuration insights of the cluster. */
export async function listInsights(aws: AwsReader, clusterName: string): Promise<InsightSummary[]> {
  const eks = await aws.clients.eks();
  const { ListInsightsCommand } = await import('@aws-sdk/client-eks');
  return allPages(
    (nextToken) => aws.call('eks:ListInsights', () => eks.send(new ListInsightsCommand({ clusterName, nextToken }))),
    (p) => p.insights,
    (p) => p.nextToken,
  );
}

/** DescribeInsight: one insight with its recommendation and the resources it found. */
export async function describeInsight(aws: AwsReader, clusterName: string, id: string): Promise<Insight | undefined> {
  const eks = await aws.clients.eks();
  const { DescribeInsightCommand } = await import('@aws-sdk/client-eks');
  const out = await aws.call('eks:DescribeInsight', () => eks.send(new DescribeInsightCommand({ clusterName, id })));
  return out.insight;
}

/** ListNodegroups + DescribeNodegroup of each managed node group (shared per cluster). */
export function describeNodegroups(aws: AwsReader, clusterName: string): Promise<Nodegroup[]> {
  return aws.shared(`eks:Nodegroups/${clusterName}`, () => readNodegroups(aws, clusterName));
}

async function readNodegroups(aws: AwsReader, clusterName: string): Promise<Nodegroup[]> {
  const eks = await aws.clients.eks();
  const { ListNodegroupsCommand, DescribeNodegroupCommand } = await import('@aws-sdk/client-eks');
  const names = await allPages(
    (nextToken) =>
      aws.call('eks:ListNodegroups', () => eks.send(new ListNodegroupsCommand({ clusterName, nextToken }))),
    (p) => p.nodegroups,
    (p) => p.nextToken,
  );
  const groups = await mapLimit(names, 4, (nodegroupName) =>
    aws.call('eks:DescribeNodegroup', () => eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))),
  );
  return groups.flatMap((g) => (g.nodegroup ? [g.nodegroup] : []));
}

/** ListAddons: the names of the cluster's EKS add-ons. */
export async function listAddons(aws: AwsReader, clusterName: string): Promise<string[]> {
  const eks = await aws.clients.eks();
  const { ListAddonsCommand } = await import('@aws-sdk/client-eks');
  return allPages(
    (nextToken) => aws.call('eks:ListAddons', () => eks.send(new ListAddonsCommand({ clusterName, nextToken }))),
    (p) => p.addons,
    (p) => p.nextToken,
  );
}

/** DescribeAddon: version, status and health issues of one add-on. */
export async function describeAddon(
  aws: AwsReader,
  clusterName: string,
  addonName: string,
): Promise<Addon | undefined> {
  const eks = await aws.clients.eks();
  const { DescribeAddonCommand } = await import('@aws-sdk/client-eks');
  const out = await aws.call('eks:DescribeAddon', () => eks.send(new DescribeAddonCommand({ clusterName, addonName })));
  return out.addon;
}

/** ListAddons + DescribeAddon of each. */
export async function describeAddons(aws: AwsReader, clusterName: string): Promise<Addon[]> {
  const names = await listAddons(aws, clusterName);
  const addons = await mapLimit(names, 4, (name) => describeAddon(aws, clusterName, name));
  return addons.flatMap((a) => (a ? [a] : []));
}

/** DescribeAddonVersions: the versions of an add-on offered for a Kubernetes version. */
export async function describeAddonVersions(
  aws: AwsReader,
  addonName: string,
  kubernetesVersion?: string,
): Promise<AddonInfo[]> {
  const eks = await aws.clients.eks();
  const { DescribeAddonVersionsCommand } = await import('@aws-sdk/client-eks');
  return allPages(
    (nextToken) =>
      aws.call('eks:DescribeAddonVersions', () =>
        eks.send(new DescribeAddonVersionsCommand({ addonName, kubernetesVersion, nextToken })),
      ),
    (p) => p.addons,
    (p) => p.nextToken,
  );
}

/** ListPodIdentityAssociations + DescribePodIdentityAssociation of each (shared per cluster). */
export function podIdentityAssociations(aws: AwsReader, clusterName: string): Promise<PodIdentityAssociation[]> {
  return aws.shared(`eks:PodIdentityAssociations/${clusterName}`, async () => {
    const eks = await aws.clients.eks();
    const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand } = await import(
      '@aws-sdk/client-eks'
    );
    const summaries = await allPages(
      (nextToken) =>
        aws.call('eks:ListPodIdentityAssociations', () =>
          eks.send(new ListPodIdentityAssociationsCommand({ clusterName, nextToken })),
        ),
      (p) => p.associations,
      (p) => p.nextToken,
    );
    const described = await mapLimit(summaries, 4, (s) =>
      aws.call('eks:DescribePodIdentityAssociation', () =>
        eks.send(new DescribePodIdentityAssociationCommand({ clusterName, associationId: s.associationId })),
      ),
    );
    return described.flatMap((d) => (d.association ? [d.association] : []));
  });
}

import { describeAddons, describeCluster, describeNodegroups, podIdentityAssociations } from '../../aws/readers/eks.js';
import type { LiveAws } from '../../live/connect.js';
import type { NodeGroupScalingFact, PodIdentityAssociationFact } from '../common/aws-facts.js';
import type { Fact } from '../facts.js';
import { unknownFact } from '../facts.js';
import type { AddonFact } from '../status/types.js';
import { AWS_NOT_READ, NO_CLUSTER_NAME, readFact } from './read-fact.js';

/** An AWS read that needs the connection's AWS side and the cluster name; unknown with the reason without either. */
export function eksFact<T>(
  aws: LiveAws | undefined,
  cluster: string | undefined,
  what: string,
  read: (aws: LiveAws, cluster: string) => Promise<T>,
): Promise<Fact<T>> {
  if (!aws) return Promise.resolve(unknownFact(AWS_NOT_READ));
  if (!cluster) return Promise.resolve(unknownFact(NO_CLUSTER_NAME));
  return readFact(what, () => read(aws, cluster));
}

/** The control plane's Kubernetes version as EKS reports it (DescribeCluster: "1.33"). */
export function controlPlaneVersionFact(aws: LiveAws | undefined, cluster: string | undefined): Promise<Fact<string>> {
  return eksFact(aws, cluster, 'eks:DescribeCluster', async (a, name) => {
    const c = await describeCluster(a.reader, name);
    if (!c.version) throw new Error(`DescribeCluster of ${name} returned no version`);
    return c.version;
  });
}

/** ListAddons + DescribeAddon: each add-on's version, status and health issues. */
export function addonFacts(aws: LiveAws | undefined, cluster: string | undefined): Promise<Fact<readonly AddonFact[]>> {
  return eksFact(aws, cluster, 'eks:DescribeAddon', async (a, name) =>
    (await describeAddons(a.reader, name))
      .map(
        (x): AddonFact => ({
          name: x.addonName ?? '',
          ...(x.addonVersion ? { version: x.addonVersion } : {}),
          status: x.status ?? 'UNKNOWN',
          issues: (x.health?.issues ?? []).map((i) => ({
            ...(i.code ? { code: i.code } : {}),
            ...(i.message ? { message: i.message } : {}),
          })),
        }),
      )
      .sort((p, q) => p.name.localeCompare(q.name)),
  );
}

/** The cluster's Pod Identity associations: which ServiceAccount assumes which role. */
export function podIdentityFacts(
  aws: LiveAws | undefined,
  cluster: string | undefined,
): Promise<Fact<readonly PodIdentityAssociationFact[]>> {
  return eksFact(aws, cluster, 'eks:ListPodIdentityAssociations', async (a, name) =>
    (await podIdentityAssociations(a.reader, name)).map((x) => ({
      namespace: x.namespace ?? '',
      serviceAccount: x.serviceAccount ?? '',
      roleArn: x.roleArn ?? '',
      ...(x.associationId ? { associationId: x.associationId } : {}),
    })),
  );
}

/** Managed node groups' scaling limits (DescribeNodegroup). */
export function nodeGroupFacts(
  aws: LiveAws | undefined,
  cluster: string | undefined,
): Promise<Fact<readonly NodeGroupScalingFact[]>> {
  return eksFact(aws, cluster, 'eks:DescribeNodegroup', async (a, name) =>
    (await describeNodegroups(a.reader, name)).map((g) => ({
      name: g.nodegroupName ?? '',
      minSize: g.scalingConfig?.minSize ?? 0,
      maxSize: g.scalingConfig?.maxSize ?? 0,
      desiredSize: g.scalingConfig?.desiredSize ?? 0,
      source: 'eks' as const,
    })),
  );
}

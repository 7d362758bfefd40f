import { mapLimit } from '../../aws/paging.js';
import { describeSubnets } from '../../aws/readers/ec2.js';
import { describeAddonVersions, describeCluster, describeInsight, listInsights } from '../../aws/readers/eks.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { KubeObject } from '../../inventory/types.js';
import { kindInfo } from '../../kube/kinds.js';
import type { LiveConnection } from '../../live/connect.js';
import { REMOVED_APIS } from '../../versions/removed-apis.js';
import { awsFact } from '../common/aws-read.js';
import { readLiveKinds } from '../common/live-kinds.js';
import { type Fact, known, unknownFact } from '../facts.js';
import type { AddonVersionsFact, UpgradeFacts, UpgradeInsight } from './facts.js';
import { staticUpgradeFacts } from './static-facts.js';
import { upgradeTarget } from './target.js';

/** Kinds of the removed-API table the cluster can list, plus what drains and kubelets need. */
export function upgradeKinds(): string[] {
  const listed = REMOVED_APIS.map((e) => e.kind).filter((k) => kindInfo(k) !== undefined);
  return [...new Set([...listed, 'Deployment', 'StatefulSet', 'PodDisruptionBudget', 'Node'])].sort();
}

const APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The API version an object was written in: the API server answers in the
 * version asked for, so a manifest still in a removed version shows only in
 * what `kubectl apply` recorded (last-applied-configuration).
 */
export function writtenApiVersion(o: KubeObject): string {
  const text = o.metadata.annotations?.[APPLIED];
  if (!text) return o.apiVersion;
  try {
    const applied = JSON.parse(text) as { apiVersion?: unknown; kind?: unknown };
    return typeof applied.apiVersion === 'string' && applied.kind === o.kind ? applied.apiVersion : o.apiVersion;
  } catch {
    return o.apiVersion;
  }
}

export interface LiveUpgradeOptions {
  /** Target minor; default the next one after the cluster's. */
  readonly to?: string;
  readonly pageSize?: number;
}

/**
 * The upgrade facts of a running cluster: its minor (EKS DescribeCluster,
 * else the config's), the API versions its objects were written in, kubelet
 * versions, PDBs with status.disruptionsAllowed, and from EKS and EC2 the
 * add-on versions offered for the target, the upgrade insights and the free
 * IPs of the control-plane subnets. A refused kind or call is unknown with
 * why. The target is checked (upgradeTarget) as soon as the minor is known.
 */
export async function liveUpgradeFacts(
  conn: LiveConnection,
  env: EnvironmentConfig,
  options: LiveUpgradeOptions = {},
): Promise<{ facts: UpgradeFacts; to: string }> {
  const cluster = await awsFact(conn, 'EKS DescribeCluster', (aws) => describeCluster(aws, env.clusterName));
  const current = cluster.state === 'read' && cluster.value.version ? cluster.value.version : env.kubernetesVersion;
  const to = upgradeTarget(current, options.to);
  const { inventory: inv, unread } = await readLiveKinds(conn, upgradeKinds(), { pageSize: options.pageSize });
  const base = staticUpgradeFacts({ ...env, kubernetesVersion: current }, inv);
  const kubelets: UpgradeFacts['kubelets'] = unread.Node
    ? unknownFact(`kubelet versions: ${unread.Node}`)
    : known(
        inv.kube('Node').map((n) => ({
          node: n.object.metadata.name,
          version:
            (n.object.status as { nodeInfo?: { kubeletVersion?: string } } | undefined)?.nodeInfo?.kubeletVersion ??
            'unknown',
        })),
      );
  const subnetIds = cluster.state === 'read' ? (cluster.value.resourcesVpcConfig?.subnetIds ?? []) : [];
  const [controlPlaneSubnets, addonVersions, insights] = await Promise.all([
    cluster.state === 'unknown'
      ? Promise.resolve(unknownFact<never>(`control-plane subnets: ${cluster.reason}`))
      : awsFact(conn, 'EC2 DescribeSubnets', async (aws) => {
          const subnets = await describeSubnets(aws, [{ Name: 'subnet-id', Values: subnetIds }]);
          return subnets
            .map((s) => ({ id: s.SubnetId ?? '', freeIps: s.AvailableIpAddressCount ?? 0 }))
            .sort((a, b) => a.id.localeCompare(b.id));
        }),
    awsFact(conn, 'EKS DescribeAddonVersions', (aws) =>
      mapLimit(base.addons, 4, async (addon): Promise<AddonVersionsFact> => {
        const infos = await describeAddonVersions(aws, addon, to);
        const versions = infos
          .filter((i) => i.addonName === addon)
          .flatMap((i) => i.addonVersions ?? [])
          .filter((v) => (v.compatibilities ?? []).some((c) => c.clusterVersion === to))
          .flatMap((v) => (v.addonVersion ? [v.addonVersion] : []));
        return { addon, kubernetesVersion: to, versions };
      }),
    ),
    awsFact(conn, 'EKS ListInsights', (aws) => upgradeInsights(aws, env.clusterName)),
  ]);
  const facts: UpgradeFacts = {
    ...base,
    objects: inv.kubeResources
      .filter((r) => r.object.kind !== 'Node')
      .map((r) => ({
        apiVersion: writtenApiVersion(r.object),
        kind: r.object.kind,
        name: r.object.metadata.name,
        ...(r.object.metadata.namespace ? { namespace: r.object.metadata.namespace } : {}),
        where: `cluster (${conn.kube.context})`,
      })),
    clusterVersion:
      cluster.state === 'read' ? known(current) : unknownFact(`the control plane's version: ${cluster.reason}`),
    kubelets,
    controlPlaneSubnets: controlPlaneSubnets as Fact<readonly { id: string; freeIps: number }[]>,
    addonVersions,
    insights,
    unread,
  };
  return { facts, to };
}

async function upgradeInsights(aws: Parameters<typeof listInsights>[0], cluster: string): Promise<UpgradeInsight[]> {
  const summaries = (await listInsights(aws, cluster)).filter((s) => s.category !== 'MISCONFIGURATION');
  const described = await mapLimit(summaries, 4, async (s) => ({
    s,
    insight: s.id && s.insightStatus?.status !== 'PASSING' ? await describeInsight(aws, cluster, s.id) : undefined,
  }));
  return described
    .map(({ s, insight }) => ({
      id: s.id ?? '',
      name: s.name ?? s.id ?? '',
      ...(s.kubernetesVersion ? { kubernetesVersion: s.kubernetesVersion } : {}),
      status: s.insightStatus?.status ?? 'UNKNOWN',
      ...(s.insightStatus?.reason ? { reason: s.insightStatus.reason } : {}),
      ...(insight?.recommendation ? { recommendation: insight.recommendation } : {}),
      resources: insight?.resources?.length ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

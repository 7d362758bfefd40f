import { mapLimit } from '../../aws/paging.js';
import { describeSnapshots } from '../../aws/readers/ec2.js';
import { describeCluster } from '../../aws/readers/eks.js';
import { describeLogGroups } from '../../aws/readers/logs.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { KubeObject } from '../../inventory/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { parseQuantity } from '../../rules/support/quantity.js';
import { awsFact } from '../common/aws-read.js';
import { workloadOfPod } from '../common/kube-reads.js';
import { readLiveKinds } from '../common/live-kinds.js';
import { chunks, claimVolumeIds, ebsVolumesById } from '../common/live-volumes.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { volumesFromInventory } from '../volumes.js';
import { containerInsightsUsage, containerKey, type WindowUsage } from './container-insights.js';
import type { ContainerFacts, CostFacts, LogGroupFacts, SnapshotFacts, Usage, VolumeFacts } from './facts.js';
import { liveNodeFacts, liveNodeGroups } from './live-nodes.js';
import { containerFacts, nodeGroupFacts, supportWindow } from './static-facts.js';
import { parseUsageWindow } from './window.js';

/** The kinds the cost analysis lists from the cluster. */
export const COST_KINDS = [
  'Node',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
] as const;

export interface LiveCostOptions {
  /** Container Insights window (`7d`, `36h`, `2w`); default 7d. */
  readonly window?: string;
  readonly now?: Date;
  readonly pageSize?: number;
}

const USED_UNKNOWN = 'used bytes are not read (kubelet volume stats are not among the live reads)';

/** Point-in-time usage per `namespace/workload/container`: the largest sample among the workload's pods. */
async function sampledUsage(
  conn: LiveConnection,
  pods: ReadonlyMap<string, KubeObject>,
): Promise<Fact<Map<string, { cpu: number; memory: number }>>> {
  const read = await conn.kube.podMetrics(conn.namespace).catch((e: unknown) => ({
    served: false as const,
    reason: `metrics.k8s.io: ${e instanceof Error ? e.message : String(e)}`,
  }));
  if (!read.served) return unknownFact(read.reason);
  const out = new Map<string, { cpu: number; memory: number }>();
  for (const pm of read.items) {
    const pod = pods.get(`${pm.metadata.namespace ?? 'default'}/${pm.metadata.name}`);
    if (!pod) continue;
    const owner = workloadOfPod(pod);
    for (const c of pm.containers) {
      const key = `${pm.metadata.namespace ?? 'default'}/${owner.name}/${c.name}`;
      const cpu = (parseQuantity(c.usage.cpu) ?? 0) * 1000;
      const memory = parseQuantity(c.usage.memory) ?? 0;
      const seen = out.get(key);
      out.set(key, { cpu: Math.max(cpu, seen?.cpu ?? 0), memory: Math.max(memory, seen?.memory ?? 0) });
    }
  }
  return known(out);
}

function withUsage(
  c: ContainerFacts,
  windowed: Fact<Map<string, WindowUsage>>,
  sampled: Fact<Map<string, { cpu: number; memory: number }>>,
  window: string,
): ContainerFacts {
  const key = containerKey(c);
  const w = windowed.state === 'read' ? windowed.value.get(key) : undefined;
  if (w) return { ...c, usage: known<Usage>({ ...w, basis: 'window', window }) };
  const s = sampled.state === 'read' ? sampled.value.get(key) : undefined;
  if (s) {
    return {
      ...c,
      usage: known<Usage>({ cpuMillis: Math.round(s.cpu), memoryBytes: Math.round(s.memory), basis: 'point-in-time' }),
    };
  }
  const why = [
    windowed.state === 'unknown'
      ? `Container Insights: ${windowed.reason}`
      : `no Container Insights data over ${window}`,
    sampled.state === 'unknown' ? sampled.reason : 'no metrics.k8s.io sample (no running pod)',
  ];
  return { ...c, usage: unknownFact(why.join('; ')) };
}

/** The claims with the volume type of the EBS volume behind each (when EC2 answered) and live used bytes unknown. */
function liveVolumes(
  base: readonly VolumeFacts[],
  ids: Map<string, string>,
  ebs: Fact<Map<string, { type?: string }>>,
) {
  return base.map((v) => {
    const id = ids.get(`${v.namespace}/${v.claim}`);
    const type = id && ebs.state === 'read' ? ebs.value.get(id)?.type : undefined;
    return { ...v, ...(type ? { volumeType: known(type) } : {}), usedGi: unknownFact<number>(USED_UNKNOWN) };
  });
}

/**
 * The cost facts of a running environment: requests from the cluster's
 * workloads, usage from Container Insights over the window (p95 CPU, maximum
 * memory) or else one metrics.k8s.io sample, nodes with their group, zone and
 * capacity type, claims with the EBS volume behind them, the snapshots of
 * those volumes, and the cluster's log groups with stored bytes. A kind or
 * call that was refused is unknown with the reason. A window longer than the
 * metrics retention is a UsageError, before anything is read.
 */
export async function liveCostFacts(
  conn: LiveConnection,
  env: EnvironmentConfig,
  options: LiveCostOptions = {},
): Promise<CostFacts> {
  const window = parseUsageWindow(options.window ?? '7d');
  const now = options.now ?? new Date();
  const { inventory: inv, unread } = await readLiveKinds(conn, COST_KINDS, { pageSize: options.pageSize });
  const nodes: Fact<ReturnType<typeof liveNodeFacts>> = unread.Node
    ? unknownFact(`nodes: ${unread.Node}`)
    : known(liveNodeFacts(inv));
  const groups = nodes.state === 'read' ? liveNodeGroups(nodeGroupFacts(env), nodes.value) : nodeGroupFacts(env);
  const nodeCount = nodes.state === 'read' ? nodes.value.length : groups.reduce((s, g) => s + g.nodes, 0);
  const base = containerFacts(inv, nodeCount, 'not read yet');
  const cluster = env.clusterName;
  const [sampled, windowed, clusterVersion] = await Promise.all([
    sampledUsage(
      conn,
      new Map(
        inv.kube('Pod').map((p) => [`${p.object.metadata.namespace ?? 'default'}/${p.object.metadata.name}`, p.object]),
      ),
    ),
    awsFact(conn, 'Container Insights (CloudWatch GetMetricData)', (aws) =>
      containerInsightsUsage(aws, cluster, base, window, now),
    ),
    awsFact(conn, 'EKS DescribeCluster', async (aws) => (await describeCluster(aws, cluster)).version),
  ]);
  const ids = claimVolumeIds(inv);
  const volumeIds = [...new Set(ids.values())];
  const [ebs, snapshots, logGroups] = await Promise.all([
    awsFact(conn, 'EC2 DescribeVolumes', async (aws) => {
      const found = await ebsVolumesById(aws, volumeIds);
      return new Map([...found].map(([id, v]) => [id, { type: v.VolumeType }]));
    }),
    awsFact(conn, 'EC2 DescribeSnapshots', async (aws): Promise<SnapshotFacts[]> => {
      const pages = await mapLimit(chunks(volumeIds), 2, (Values) =>
        describeSnapshots(aws, [{ Name: 'volume-id', Values }]),
      );
      return pages
        .flat()
        .map((s) => ({
          id: s.SnapshotId ?? '',
          ...(s.VolumeId ? { volumeId: s.VolumeId } : {}),
          sizeGi: s.VolumeSize ?? 0,
          ageDays: s.StartTime ? Math.floor((now.getTime() - new Date(s.StartTime).getTime()) / 86_400_000) : 0,
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    }),
    awsFact(conn, 'CloudWatch Logs DescribeLogGroups', async (aws): Promise<LogGroupFacts[]> => {
      const prefixes = [`/aws/containerinsights/${cluster}/`, `/aws/eks/${cluster}/`];
      const found = (await Promise.all(prefixes.map((p) => describeLogGroups(aws, p)))).flat();
      return found
        .map((g) => ({
          name: g.logGroupName ?? '',
          ...(g.retentionInDays === undefined ? {} : { retentionDays: g.retentionInDays }),
          storedBytes: known(g.storedBytes ?? 0),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    }),
  ]);
  const version =
    clusterVersion.state === 'read' && clusterVersion.value ? clusterVersion.value : env.kubernetesVersion;
  return {
    environment: env.name,
    region: env.region,
    clusterName: cluster,
    controlPlane: { version, support: supportWindow(version, now) },
    containers: base.map((c) => withUsage(c, windowed, sampled, window.text)),
    nodeGroups: groups,
    nodes,
    volumes: liveVolumes(volumesFromInventory(inv), ids, ebs),
    snapshots,
    logGroups,
    unread,
  };
}

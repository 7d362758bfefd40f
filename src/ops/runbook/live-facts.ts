import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { describeAlarms } from '../../aws/readers/cloudwatch.js';
import { describeLogGroups } from '../../aws/readers/logs.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { LiveConnection } from '../../live/connect.js';
import { awsFact } from '../common/aws-read.js';
import { readLiveKinds } from '../common/live-kinds.js';
import { claimVolumeIds } from '../common/live-volumes.js';
import { liveNodeFacts } from '../cost/live-nodes.js';
import { type Fact, known, unknownFact } from '../facts.js';
import type {
  RunbookAlarm,
  RunbookFacts,
  RunbookLogGroup,
  RunbookNodeGroup,
  RunbookPart,
  RunbookVolume,
} from './facts.js';
import { RUNBOOK_WORKLOAD_KINDS } from './paths.js';
import { runbookApps, runbookSecrets } from './static-facts.js';

/** The kinds a live runbook lists from the cluster. */
export const RUNBOOK_KINDS = [
  ...RUNBOOK_WORKLOAD_KINDS,
  'ExternalSecret',
  'HorizontalPodAutoscaler',
  'Node',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ScaledObject',
].sort();

/** The log group name prefixes of an environment's cluster. */
export function runbookLogPrefixes(clusterName: string): string[] {
  return [`/aws/containerinsights/${clusterName}/`, `/aws/eks/${clusterName}/`];
}

export interface LiveRunbookOptions {
  readonly pageSize?: number;
}

/** A part from the kinds it is built of: unknown with why when the cluster refused one of them. */
function kindsFact<T>(unread: Readonly<Record<string, string>>, kinds: readonly string[], value: () => T): Fact<T> {
  const refused = kinds.filter((k) => unread[k]);
  return refused.length ? unknownFact(refused.map((k) => `${k}: ${unread[k]}`).join('; ')) : known(value());
}

/** The node groups the nodes carry (group, capacity and instance-type labels), with the config's bounds by name. */
function nodeGroups(inv: Inventory, env: EnvironmentConfig): RunbookNodeGroup[] {
  const byGroup = new Map<string, { capacity: Set<string>; types: Set<string>; nodes: number }>();
  for (const n of liveNodeFacts(inv)) {
    const name = n.nodeGroup ?? '(no node-group label)';
    const g = byGroup.get(name) ?? { capacity: new Set<string>(), types: new Set<string>(), nodes: 0 };
    if (n.capacity) g.capacity.add(n.capacity);
    if (n.instanceType) g.types.add(n.instanceType);
    g.nodes += 1;
    byGroup.set(name, g);
  }
  return [...byGroup.entries()]
    .map(([name, g]) => {
      const config = env.nodes.groups.find((c) => c.name === name);
      return {
        name,
        capacity: [...g.capacity].sort().join('/') || 'unlabelled',
        ...(config ? { min: config.min, max: config.max } : {}),
        instanceTypes: [...g.types].sort(),
        nodes: g.nodes,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function volumes(inv: Inventory): RunbookVolume[] {
  const ids = claimVolumeIds(inv);
  return inv
    .kube('PersistentVolumeClaim')
    .map((c) => {
      const namespace = c.object.metadata.namespace ?? 'default';
      const claim = c.object.metadata.name;
      const volumeId = ids.get(`${namespace}/${claim}`);
      const storageClass = (c.object.spec as { storageClassName?: string } | undefined)?.storageClassName;
      return {
        namespace,
        claim,
        ...(volumeId ? { volumeId } : {}),
        ...(storageClass ? { storageClass } : {}),
      };
    })
    .sort((a, b) => `${a.namespace}/${a.claim}`.localeCompare(`${b.namespace}/${b.claim}`));
}

function logGroupsOf(found: readonly LogGroup[]): RunbookLogGroup[] {
  const byName = new Map<string, RunbookLogGroup>();
  for (const g of found) {
    if (!g.logGroupName) continue;
    byName.set(g.logGroupName, {
      name: g.logGroupName,
      ...(g.retentionInDays === undefined ? {} : { retentionDays: g.retentionInDays }),
    });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The alarms of this cluster: named after it, or measuring it (a ClusterName dimension). */
function alarmsOf(found: readonly MetricAlarm[], clusterName: string): RunbookAlarm[] {
  return found
    .filter(
      (a) =>
        a.AlarmName?.startsWith(`${clusterName}-`) ||
        (a.Dimensions ?? []).some((d) => d.Name === 'ClusterName' && d.Value === clusterName),
    )
    .map((a) => ({
      name: a.AlarmName ?? '',
      ...(a.AlarmDescription ? { description: a.AlarmDescription } : {}),
      ...(a.MetricName ? { metric: a.MetricName } : {}),
      ...(typeof a.Threshold === 'number' ? { threshold: a.Threshold } : {}),
      ...(a.StateValue ? { state: a.StateValue } : {}),
      actions: [
        ...new Set([...(a.AlarmActions ?? []), ...(a.OKActions ?? []), ...(a.InsufficientDataActions ?? [])]),
      ].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names the config gives a part that the live value lacks (none when the part was not read). */
function lacking<T>(expected: Fact<readonly T[]>, live: Fact<readonly T[]>, key: (t: T) => string): string[] {
  if (expected.state !== 'read' || live.state !== 'read') return [];
  const have = new Set(live.value.map(key));
  return [...new Set(expected.value.map(key).filter((k) => !have.has(k)))].sort();
}

/**
 * Runbook facts of a running environment: the workloads the cluster runs
 * (Deployments, StatefulSets, DaemonSets, CronJobs with their autoscalers and
 * runbook annotations), its ExternalSecrets with store and remote keys, its
 * claims with the EBS volume behind each, the node groups its nodes carry,
 * and from the account the log groups under the cluster's prefixes
 * (DescribeLogGroups) and the cluster's CloudWatch alarms with what they
 * notify (DescribeAlarms). A refused kind or call makes its part unknown with
 * why; nothing is filled in from the config. `expected` (the config's own
 * facts, static) gives the restore and upgrade pages and the names the
 * config has that the cluster or account lacks.
 */
export async function liveRunbookFacts(
  conn: LiveConnection,
  env: EnvironmentConfig,
  expected: RunbookFacts,
  options: LiveRunbookOptions = {},
): Promise<RunbookFacts> {
  const { inventory: inv, unread } = await readLiveKinds(conn, RUNBOOK_KINDS, { pageSize: options.pageSize });
  const prefixes = runbookLogPrefixes(env.clusterName);
  const [logGroups, alarms] = await Promise.all([
    awsFact(conn, 'CloudWatch Logs DescribeLogGroups', async (aws) =>
      logGroupsOf((await Promise.all(prefixes.map((p) => describeLogGroups(aws, p)))).flat()),
    ),
    awsFact(conn, 'CloudWatch DescribeAlarms', async (aws) => alarmsOf(await describeAlarms(aws), env.clusterName)),
  ]);
  const readKinds = RUNBOOK_WORKLOAD_KINDS.filter((k) => !unread[k]);
  const apps: RunbookFacts['apps'] = readKinds.length
    ? known(runbookApps(inv))
    : unknownFact(RUNBOOK_WORKLOAD_KINDS.map((k) => `${k}: ${unread[k]}`).join('; '));
  const live = {
    apps,
    secrets: kindsFact(unread, ['ExternalSecret'], () => runbookSecrets(inv)),
    logGroups,
    nodeGroups: kindsFact(unread, ['Node'], () => nodeGroups(inv, env)),
    alarms,
    volumes: kindsFact(unread, ['PersistentVolume', 'PersistentVolumeClaim'], () => volumes(inv)),
  };
  const appsExpected = known(
    (expected.apps.state === 'read' ? expected.apps.value : []).filter((a) => readKinds.some((k) => k === a.kind)),
  );
  const gaps: [RunbookPart, string[]][] = [
    ['apps', lacking(appsExpected, live.apps, (a) => `${a.kind} ${a.namespace}/${a.name}`)],
    ['secrets', lacking(expected.secrets, live.secrets, (s) => `${s.namespace}/${s.name}`)],
    ['logGroups', lacking(expected.logGroups, live.logGroups, (g) => g.name)],
    ['nodeGroups', lacking(expected.nodeGroups, live.nodeGroups, (g) => g.name)],
    ['alarms', lacking(expected.alarms, live.alarms, (a) => a.name)],
  ];
  const configOnly: Partial<Record<RunbookPart, readonly string[]>> = Object.fromEntries(
    gaps.filter(([, names]) => names.length),
  );
  return {
    ...expected,
    // The context, not the server's address: the pages stay the same bytes wherever they are generated.
    source: `kubeconfig context ${conn.kube.context}${conn.namespace ? `, namespace ${conn.namespace}` : ''}`,
    ...live,
    unread,
    configOnly,
  };
}

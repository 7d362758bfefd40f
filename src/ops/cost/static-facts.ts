import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { Workload } from '../../inventory/workloads.js';
import { NODE_LABELS } from '../../platform/node-labels.js';
import { eksVersion } from '../../rules/support/eks-versions.js';
import { cfnText } from '../../rules/support/iam.js';
import { parseQuantity } from '../../rules/support/quantity.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { volumesFromInventory } from '../volumes.js';
import type { ContainerFacts, CostFacts, LogGroupFacts, NodeGroupFacts, Resources } from './facts.js';

const INTERRUPTIBLE_KINDS = new Set(['Job', 'CronJob']);

function resources(v: unknown): Resources {
  const r = (v ?? {}) as { cpu?: unknown; memory?: unknown };
  const cpu = parseQuantity(r.cpu);
  const memory = parseQuantity(r.memory);
  return {
    ...(cpu === undefined ? {} : { cpuMillis: Math.round(cpu * 1000) }),
    ...(memory === undefined ? {} : { memoryBytes: Math.round(memory) }),
  };
}

interface NodeTerm {
  readonly matchExpressions?: readonly { key?: string; operator?: string; values?: readonly string[] }[];
}

/** The single value a pod template requires for a node label: nodeSelector, or a required affinity `In [v]`. */
export function requiredNodeLabel(w: Workload, key: string): string | undefined {
  const spec = w.template.spec ?? {};
  const selector = spec.nodeSelector as Record<string, string> | undefined;
  if (selector?.[key]) return selector[key];
  const terms = (
    spec.affinity as
      | { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeTerm[] } } }
      | undefined
  )?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const values = new Set<string>();
  for (const t of terms ?? []) {
    for (const e of t.matchExpressions ?? []) {
      if (e.key === key && e.operator === 'In') for (const v of e.values ?? []) values.add(v);
    }
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** The containers of the workloads (not the objects their controllers make), with their requests. */
export function containerFacts(inv: Inventory, nodeCount: number, usageUnknown: string): ContainerFacts[] {
  const out: ContainerFacts[] = [];
  for (const w of inv.workloads()) {
    const capacity = requiredNodeLabel(w, NODE_LABELS.capacity);
    const nodeGroup = requiredNodeLabel(w, NODE_LABELS.nodeGroup);
    const component = w.podLabels['app.kubernetes.io/component'];
    const mountsClaim = (w.template.spec?.volumes as { persistentVolumeClaim?: unknown }[] | undefined)?.some(
      (v) => v.persistentVolumeClaim,
    );
    for (const c of w.template.spec?.containers ?? []) {
      const r = (c.resources ?? {}) as { requests?: unknown; limits?: unknown };
      out.push({
        namespace: w.namespace,
        workloadKind: w.kind,
        workload: w.name,
        container: c.name,
        pods: w.kind === 'DaemonSet' ? nodeCount : (w.replicas ?? 1),
        requests: resources(r.requests),
        limits: resources(r.limits),
        usage: unknownFact(usageUnknown),
        ...(nodeGroup ? { nodeGroup } : {}),
        ...(capacity === 'spot' || capacity === 'on-demand' ? { capacity } : {}),
        interruptible: INTERRUPTIBLE_KINDS.has(w.kind) || component === 'worker' || component === 'cron',
        stateful: w.kind === 'StatefulSet' || Boolean(mountsClaim),
      });
    }
  }
  return out;
}

/** The node groups as the config declares them: the desired count of nodes across every zone. */
export function nodeGroupFacts(env: EnvironmentConfig): NodeGroupFacts[] {
  return env.nodes.groups.map((g) => ({
    name: g.name,
    capacity: g.capacity,
    instanceTypes: g.instanceTypes,
    min: g.min,
    max: g.max,
    nodes: g.desired,
    zones: env.availabilityZones,
  }));
}

/** Log groups the templates create, with their retention; stored bytes need the account. */
export function logGroupFacts(inv: Inventory): LogGroupFacts[] {
  return inv
    .aws('AWS::Logs::LogGroup')
    .map((r) => {
      const days = r.properties.RetentionInDays;
      return {
        name: cfnText(r.properties.LogGroupName) ?? r.id,
        ...(typeof days === 'number' ? { retentionDays: days } : {}),
        storedBytes: unknownFact<number>('stored bytes need the AWS account (DescribeLogGroups)'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Which EKS support window a minor is in on a date, from the support calendar. */
export function supportWindow(minor: string, today: Date): Fact<'standard' | 'extended' | 'ended'> {
  const v = eksVersion(minor);
  if (!v?.standardEnd || !v.extendedEnd) return unknownFact(`the EKS support calendar has no dates for ${minor}`);
  const day = today.toISOString().slice(0, 10);
  if (day <= v.standardEnd) return known('standard');
  return known(day <= v.extendedEnd ? 'extended' : 'ended');
}

/**
 * The cost facts of an environment without a cluster or an account: node
 * groups from the config, requests and claims from the objects (synthesized
 * or read from files), log groups from the templates. Usage, nodes and
 * snapshots are marked unknown, with why.
 */
export function staticCostFacts(env: EnvironmentConfig, inv: Inventory, today = new Date()): CostFacts {
  const groups = nodeGroupFacts(env);
  const nodeCount = groups.reduce((s, g) => s + g.nodes, 0);
  const logGroups = inv.coverage.awsTypes.has('AWS::Logs::LogGroup') ? logGroupFacts(inv) : undefined;
  return {
    environment: env.name,
    region: env.region,
    clusterName: env.clusterName,
    controlPlane: { version: env.kubernetesVersion, support: supportWindow(env.kubernetesVersion, today) },
    containers: containerFacts(inv, nodeCount, 'usage needs the live cluster (metrics.k8s.io or Container Insights)'),
    nodeGroups: groups,
    nodes: unknownFact('nodes need the live cluster; capacity uses the desired node counts from the config'),
    volumes: volumesFromInventory(inv),
    snapshots: unknownFact('snapshots need the AWS account (EC2 DescribeSnapshots)'),
    logGroups: logGroups
      ? known(logGroups)
      : unknownFact('no CloudFormation template among the sources declares a log group'),
  };
}

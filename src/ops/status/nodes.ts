import type { KubeObject } from '../../inventory/types.js';
import { parseQuantity } from '../../rules/support/quantity.js';
import { conditionsOf, labelsOf } from '../common/kube-reads.js';
import {
  allocatableOf,
  type CpuMemory,
  formatBytes,
  formatCpu,
  percent,
  requestsByNode,
  ZERO,
} from '../common/resources.js';
import { minorSkew } from '../common/versions.js';
import { type OpsProblem, refOf } from '../problems.js';
import type { MetricsObject, NodeGroupRow, NodeRow, StatusParams } from './types.js';

const ZONE = 'topology.kubernetes.io/zone';
const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';

/** on-demand or spot from the EKS managed node group or Karpenter label; "unknown" when neither is set. */
export function capacityTypeOf(node: KubeObject): string {
  const l = labelsOf(node);
  const eks = l['eks.amazonaws.com/capacityType'];
  if (eks) return eks === 'ON_DEMAND' ? 'on-demand' : eks === 'SPOT' ? 'spot' : eks.toLowerCase();
  return l['karpenter.sh/capacity-type'] ?? 'unknown';
}

function usageOf(m: MetricsObject | undefined): CpuMemory | undefined {
  const u = (m as { usage?: Record<string, string> } | undefined)?.usage;
  if (!u) return undefined;
  return { cpu: parseQuantity(u.cpu) ?? 0, memory: parseQuantity(u.memory) ?? 0 };
}

export function nodeRows(
  nodes: readonly KubeObject[],
  pods: readonly KubeObject[],
  metrics: readonly MetricsObject[] | undefined,
  serverVersion: string | undefined,
): NodeRow[] {
  const byNode = requestsByNode(pods);
  const usage = new Map((metrics ?? []).map((m) => [m.metadata.name, usageOf(m)]));
  return nodes
    .map((node): NodeRow => {
      const name = node.metadata.name;
      const conditions = conditionsOf(node);
      const kubeletVersion =
        (node.status as { nodeInfo?: { kubeletVersion?: string } } | undefined)?.nodeInfo?.kubeletVersion ?? '';
      const allocatable = allocatableOf(node);
      const held = byNode.get(name) ?? { requested: ZERO, pods: 0 };
      const used = usage.get(name);
      const skew = minorSkew(serverVersion, kubeletVersion);
      const instanceType = labelsOf(node)[INSTANCE_TYPE];
      return {
        name,
        zone: labelsOf(node)[ZONE] ?? 'unknown',
        capacityType: capacityTypeOf(node),
        ...(instanceType ? { instanceType } : {}),
        ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
        pressure: conditions
          .filter((c) => c.type !== 'Ready' && c.status === 'True')
          .map((c) => c.type)
          .sort(),
        unschedulable: (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true,
        kubeletVersion,
        ...(skew !== undefined ? { skew } : {}),
        pods: held.pods,
        allocatable,
        requested: held.requested,
        requestedPercent: {
          cpu: percent(held.requested.cpu, allocatable.cpu),
          memory: percent(held.requested.memory, allocatable.memory),
        },
        ...(used
          ? {
              usage: used,
              usagePercent: {
                cpu: percent(used.cpu, allocatable.cpu),
                memory: percent(used.memory, allocatable.memory),
              },
            }
          : {}),
      };
    })
    .sort((a, b) => a.zone.localeCompare(b.zone) || a.name.localeCompare(b.name));
}

export function nodeGroups(rows: readonly NodeRow[]): NodeGroupRow[] {
  const groups = new Map<string, { zone: string; capacityType: string; nodes: number; ready: number }>();
  for (const r of rows) {
    const key = `${r.zone}\u0000${r.capacityType}`;
    const g = groups.get(key) ?? { zone: r.zone, capacityType: r.capacityType, nodes: 0, ready: 0 };
    g.nodes++;
    if (r.ready) g.ready++;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => a.zone.localeCompare(b.zone) || a.capacityType.localeCompare(b.capacityType),
  );
}

export function nodeProblems(
  rows: readonly NodeRow[],
  nodes: readonly KubeObject[],
  server: string | undefined,
  params: StatusParams,
): OpsProblem[] {
  const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const out: OpsProblem[] = [];
  for (const r of rows) {
    const object = refOf(byName.get(r.name) ?? { kind: 'Node', metadata: { name: r.name } });
    if (!r.ready) {
      const ready = conditionsOf(byName.get(r.name) as KubeObject).find((c) => c.type === 'Ready');
      out.push({
        severity: 'critical',
        code: 'node.not-ready',
        object,
        what: `NotReady (Ready=${ready?.status ?? 'missing'}) in ${r.zone}, ${r.pods} pod${r.pods === 1 ? '' : 's'} on it`,
        cause: ready?.message ?? ready?.reason,
        next: `kubectl describe node ${r.name}`,
        source: 'kubernetes',
      });
    }
    for (const p of r.pressure)
      out.push({
        severity: 'warning',
        code: 'node.pressure',
        object,
        what: `${p} is True`,
        next: `kubectl describe node ${r.name}`,
        source: 'kubernetes',
      });
    if (r.skew !== undefined && (r.skew < 0 || r.skew > params.maxKubeletMinorsBehind))
      out.push({
        severity: r.skew < 0 ? 'critical' : 'warning',
        code: 'node.kubelet-skew',
        object,
        what:
          r.skew < 0
            ? `kubelet ${r.kubeletVersion} is newer than the control plane ${server}`
            : `kubelet ${r.kubeletVersion} is ${r.skew} minor versions behind the control plane ${server}`,
        cause: `the skew policy allows a kubelet at most ${params.maxKubeletMinorsBehind} minor versions older than the API server, never newer`,
        next: 'upgrade the node group to the control plane version (rolling update with the new AMI)',
        source: 'kubernetes',
      });
    const high = (['cpu', 'memory'] as const).filter((k) => r.requestedPercent[k] >= params.allocationWarnPercent);
    if (high.length && r.ready)
      out.push({
        severity: 'info',
        code: 'node.allocation-high',
        object,
        what: high
          .map((k) =>
            k === 'cpu'
              ? `CPU requests ${formatCpu(r.requested.cpu)} of ${formatCpu(r.allocatable.cpu)} (${r.requestedPercent.cpu}%)`
              : `memory requests ${formatBytes(r.requested.memory)} of ${formatBytes(r.allocatable.memory)} (${r.requestedPercent.memory}%)`,
          )
          .join(', '),
        cause: `at or above ${params.allocationWarnPercent}% of allocatable: new pods may not fit`,
        source: 'kubernetes',
      });
  }
  return out;
}

import type { KubeObject } from '../../inventory/types.js';
import type { NodeGroupScalingFact } from '../common/aws-facts.js';
import { conditionOf } from '../common/kube-reads.js';
import {
  allocatableOf,
  type CpuMemory,
  formatBytes,
  formatCpu,
  podRequests,
  requestsByNode,
} from '../common/resources.js';

export interface CapacityVerdict {
  /** Nodes (Ready, schedulable, untainted for NoSchedule) where the pod's requests fit. */
  readonly fits: readonly string[];
  readonly requests: CpuMemory;
  /** The node with the most free memory, and what is free there. */
  readonly roomiest?: { readonly node: string; readonly free: CpuMemory };
  /** Node groups at their maximum size. */
  readonly atMax: readonly NodeGroupScalingFact[];
}

function schedulable(node: KubeObject): boolean {
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: { effect?: string }[] };
  return (
    conditionOf(node, 'Ready')?.status === 'True' &&
    spec.unschedulable !== true &&
    !(spec.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
  );
}

/** Whether any node can take the pod's requests now, and which node groups cannot grow. */
export function capacityFor(
  pod: KubeObject,
  nodes: readonly KubeObject[],
  allPods: readonly KubeObject[],
  groups: readonly NodeGroupScalingFact[] | undefined,
): CapacityVerdict {
  const requests = podRequests(pod);
  const held = requestsByNode(allPods);
  const fits: string[] = [];
  let roomiest: CapacityVerdict['roomiest'];
  for (const node of nodes) {
    if (!schedulable(node)) continue;
    const a = allocatableOf(node);
    const used = held.get(node.metadata.name)?.requested ?? { cpu: 0, memory: 0 };
    const free = { cpu: a.cpu - used.cpu, memory: a.memory - used.memory };
    if (free.cpu >= requests.cpu && free.memory >= requests.memory) fits.push(node.metadata.name);
    if (!roomiest || free.memory > roomiest.free.memory) roomiest = { node: node.metadata.name, free };
  }
  return {
    fits: fits.sort(),
    requests,
    ...(roomiest ? { roomiest } : {}),
    atMax: (groups ?? []).filter((g) => g.desiredSize >= g.maxSize),
  };
}

export function describeCapacity(v: CapacityVerdict): string {
  const want = `${formatCpu(v.requests.cpu)} CPU and ${formatBytes(v.requests.memory)} memory`;
  if (v.fits.length) return `${v.fits.length} schedulable node(s) have room for ${want}`;
  const room = v.roomiest
    ? ` (most room: ${formatBytes(Math.max(0, v.roomiest.free.memory))} memory, ${formatCpu(Math.max(0, v.roomiest.free.cpu))} CPU free on ${v.roomiest.node})`
    : ' (no schedulable node)';
  return `no schedulable node has room for ${want}${room}`;
}

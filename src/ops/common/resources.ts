import type { KubeObject } from '../../inventory/types.js';
import { parseQuantity } from '../../rules/support/quantity.js';
import { containersOf, initContainersOf, isTerminated, nodeNameOf } from './kube-reads.js';

/** CPU in cores and memory in bytes. */
export interface CpuMemory {
  readonly cpu: number;
  readonly memory: number;
}

export const ZERO: CpuMemory = { cpu: 0, memory: 0 };

export function add(a: CpuMemory, b: CpuMemory): CpuMemory {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory };
}

function quantityOf(map: Readonly<Record<string, string | number>> | undefined, key: string): number {
  return parseQuantity(map?.[key]) ?? 0;
}

/**
 * What the scheduler reserves for a pod: the larger of the containers' summed
 * requests and the largest init container's, plus the pod overhead.
 */
export function podRequests(pod: KubeObject): CpuMemory {
  let cpu = 0;
  let memory = 0;
  for (const c of containersOf(pod)) {
    cpu += quantityOf(c.resources?.requests, 'cpu');
    memory += quantityOf(c.resources?.requests, 'memory');
  }
  for (const c of initContainersOf(pod)) {
    cpu = Math.max(cpu, quantityOf(c.resources?.requests, 'cpu'));
    memory = Math.max(memory, quantityOf(c.resources?.requests, 'memory'));
  }
  const overhead = (pod.spec as { overhead?: Record<string, string> } | undefined)?.overhead;
  return { cpu: cpu + quantityOf(overhead, 'cpu'), memory: memory + quantityOf(overhead, 'memory') };
}

/** A node's allocatable CPU and memory (status.allocatable). */
export function allocatableOf(node: KubeObject): CpuMemory {
  const a = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable;
  return { cpu: quantityOf(a, 'cpu'), memory: quantityOf(a, 'memory') };
}

/** A memory limit of one container, in bytes (undefined when none is set). */
export function memoryLimitOf(pod: KubeObject, container: string): number | undefined {
  const c = containersOf(pod).find((x) => x.name === container);
  return parseQuantity(c?.resources?.limits?.memory);
}

/** Cores as "250m" or "2.5" and bytes as "512Mi" / "3.8Gi", for messages. */
export function formatCpu(cores: number): string {
  return cores < 1 ? `${Math.round(cores * 1000)}m` : `${Number(cores.toFixed(2))}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${Number((bytes / 2 ** 30).toFixed(1))}Gi`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)}Mi`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)}Ki`;
  return `${bytes}`;
}

/** Percent of `part` in `whole`, rounded; 0 when `whole` is 0. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Requests of non-terminated pods, summed per node (accumulated in place: it runs over every pod). */
export function requestsByNode(pods: readonly KubeObject[]): Map<string, { requested: CpuMemory; pods: number }> {
  const sums = new Map<string, { cpu: number; memory: number; pods: number }>();
  for (const pod of pods) {
    const node = nodeNameOf(pod);
    if (!node || isTerminated(pod)) continue;
    const r = podRequests(pod);
    const cur = sums.get(node);
    if (cur) {
      cur.cpu += r.cpu;
      cur.memory += r.memory;
      cur.pods++;
    } else sums.set(node, { cpu: r.cpu, memory: r.memory, pods: 1 });
  }
  const out = new Map<string, { requested: CpuMemory; pods: number }>();
  for (const [node, s] of sums) out.set(node, { requested: { cpu: s.cpu, memory: s.memory }, pods: s.pods });
  return out;
}

import type { ContainerFacts, NodeGroupFacts, Resources } from './facts.js';
import type { CostParams } from './params.js';
import type { PriceTable } from './prices.js';
import type { ContainerSizing, CostItem } from './report-types.js';
import { cents, GI, resourceMonthly } from './unit-prices.js';

const MI = 2 ** 20;

/** Rounded up to a step, so recommendations read like what a person would write. */
function roundUp(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}

function cpuText(m: number | undefined): string {
  return m === undefined ? 'none' : `${Math.round(m)}m`;
}

function memText(b: number | undefined): string {
  return b === undefined ? 'none' : `${Math.round(b / MI)}Mi`;
}

/** The group a container's pods land on: the one it is pinned to, else one of its capacity, else the first. */
export function groupOf(c: ContainerFacts, groups: readonly NodeGroupFacts[]): NodeGroupFacts | undefined {
  if (c.nodeGroup) return groups.find((g) => g.name === c.nodeGroup);
  if (c.capacity) return groups.find((g) => (g.capacity === 'spot') === (c.capacity === 'spot'));
  return groups[0];
}

/**
 * Requests against usage per container: the recommended requests (usage plus
 * headroom, never below the floors) and limits, and an item for each
 * workload that requests more than usage × (1 + threshold).
 */
export function rightsize(
  containers: readonly ContainerFacts[],
  groups: readonly NodeGroupFacts[],
  prices: PriceTable | undefined,
  p: CostParams,
): { sizing: ContainerSizing[]; items: CostItem[] } {
  const sizing: ContainerSizing[] = [];
  const items: CostItem[] = [];
  for (const c of containers) {
    const base = {
      namespace: c.namespace,
      workload: c.workload,
      workloadKind: c.workloadKind,
      container: c.container,
      pods: c.pods,
      requests: c.requests,
    };
    if (c.usage.state === 'unknown') {
      sizing.push({ ...base, usage: { unknown: c.usage.reason } });
      continue;
    }
    const u = c.usage.value;
    const cpu = Math.max(p.cpuFloorMillis, roundUp(u.cpuMillis * (1 + p.cpuHeadroom), 5));
    const mem = Math.max(p.memoryFloorBytes, roundUp(u.memoryBytes * (1 + p.memoryHeadroom), MI));
    const recommended = {
      requests: { cpuMillis: cpu, memoryBytes: mem },
      limits: { cpuMillis: cpu * p.cpuLimitFactor, memoryBytes: roundUp(mem * p.memoryLimitFactor, MI) },
    };
    sizing.push({ ...base, usage: u, recommended });
    const overCpu = over(c.requests.cpuMillis, u.cpuMillis, p) ? c.requests.cpuMillis : undefined;
    const overMem = over(c.requests.memoryBytes, u.memoryBytes, p) ? c.requests.memoryBytes : undefined;
    if (overCpu === undefined && overMem === undefined) continue;
    const unit = resourceMonthly(prices, groupOf(c, groups), p);
    const freedCpu = overCpu === undefined ? 0 : Math.max(0, overCpu - cpu) / 1000;
    const freedGi = overMem === undefined ? 0 : Math.max(0, overMem - mem) / GI;
    const seen = `requests cpu ${cpuText(c.requests.cpuMillis)}, memory ${memText(c.requests.memoryBytes)}; used ${cpuText(u.cpuMillis)}, ${memText(u.memoryBytes)} (${u.basis === 'window' ? `p95 CPU and max memory over ${u.window ?? 'the window'}` : 'one sample'})`;
    items.push({
      area: 'rightsizing',
      code: 'rightsizing.over-requested',
      object: { kind: c.workloadKind, namespace: c.namespace, name: c.workload },
      what: `container ${c.container} ${seen}`,
      recommendation: `set requests cpu ${cpuText(cpu)}, memory ${memText(mem)}; limits cpu ${cpuText(recommended.limits.cpuMillis)}, memory ${memText(recommended.limits.memoryBytes)} (× ${c.pods} pods)`,
      ...(unit
        ? { monthlySaving: cents((freedCpu * unit.perVcpu + freedGi * unit.perGi) * c.pods) }
        : { unpriced: 'the node group it runs on has no price in the table' }),
    });
  }
  return { sizing, items };
}

function over(request: number | undefined, used: number, p: CostParams): boolean {
  return request !== undefined && request > used * (1 + p.overRequestThreshold);
}

export function addResources(a: Required<Resources>, b: Resources, times = 1): Required<Resources> {
  return {
    cpuMillis: a.cpuMillis + (b.cpuMillis ?? 0) * times,
    memoryBytes: a.memoryBytes + (b.memoryBytes ?? 0) * times,
  };
}

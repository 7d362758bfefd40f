import type { ContainerFacts, NodeFacts, NodeGroupFacts, Resources } from './facts.js';
import { instanceShape } from './instance-shapes.js';
import type { CostParams } from './params.js';
import { HOURS_PER_MONTH, type PriceTable } from './prices.js';
import type { CostItem, CostReport, GroupCapacity } from './report-types.js';
import { addResources } from './rightsizing.js';
import { cents, GI, nodeHourly } from './unit-prices.js';

const ZERO: Required<Resources> = { cpuMillis: 0, memoryBytes: 0 };

/** Allocatable of one node of a group's first type, less the system share, when the nodes were not read. */
function estimatedAllocatable(g: NodeGroupFacts, p: CostParams): Required<Resources> | undefined {
  const shape = g.instanceTypes[0] ? instanceShape(g.instanceTypes[0]) : undefined;
  if (!shape) return undefined;
  const keep = 1 - p.systemReservedFraction;
  return { cpuMillis: shape.vcpus * 1000 * keep, memoryBytes: shape.memoryGi * GI * keep };
}

/** Nodes the requests need at the target utilisation, never fewer than the group's minimum. */
function nodesNeeded(requested: Required<Resources>, perNode: Required<Resources>, min: number, p: CostParams): number {
  const byCpu = requested.cpuMillis / (perNode.cpuMillis * p.targetUtilization);
  const byMem = requested.memoryBytes / (perNode.memoryBytes * p.targetUtilization);
  return Math.max(min, Math.ceil(Math.max(byCpu, byMem)));
}

function pinnedTo(c: ContainerFacts, groups: readonly NodeGroupFacts[]): NodeGroupFacts | undefined {
  if (c.nodeGroup) return groups.find((g) => g.name === c.nodeGroup);
  return undefined;
}

/**
 * Requested against allocatable per node group (and zone when the nodes were
 * read), idle nodes, and the on-demand/spot split against the intent:
 * interruptible work on spot, stateful work on on-demand.
 */
export function capacity(
  containers: readonly ContainerFacts[],
  groups: readonly NodeGroupFacts[],
  nodes: readonly NodeFacts[] | undefined,
  prices: PriceTable | undefined,
  p: CostParams,
): { rows: GroupCapacity[]; items: CostItem[]; split: CostReport['split'] } {
  const rows: GroupCapacity[] = [];
  const items: CostItem[] = [];
  if (nodes) {
    const byKey = new Map<string, { group: string; zone: string; list: NodeFacts[] }>();
    for (const n of nodes) {
      const group = n.nodeGroup ?? '(none)';
      for (const zone of [n.zone ?? '(unknown)', '*']) {
        const key = `${group}\u0000${zone}`;
        const entry = byKey.get(key) ?? { group, zone, list: [] };
        entry.list.push(n);
        byKey.set(key, entry);
      }
    }
    for (const { group, zone, list } of [...byKey.values()].sort((a, b) =>
      `${a.group}\u0000${a.zone}`.localeCompare(`${b.group}\u0000${b.zone}`),
    )) {
      const g = groups.find((x) => x.name === group);
      let hourly: number | undefined = 0;
      for (const n of list) {
        const h = nodeHourly(prices, n.instanceType, n.capacity);
        hourly = hourly === undefined || h === undefined ? undefined : hourly + h;
      }
      rows.push({
        nodeGroup: group,
        zone,
        capacity: g?.capacity ?? (list[0].capacity === 'spot' ? 'spot' : 'onDemand'),
        nodes: list.length,
        allocatable: list.reduce((a, n) => addResources(a, n.allocatable), ZERO),
        requested: list.reduce((a, n) => addResources(a, n.requested), ZERO),
        ...(hourly === undefined ? {} : { hourlyCost: cents(hourly) }),
      });
    }
    for (const n of nodes) {
      if (n.workloadPods > 0) continue;
      const h = nodeHourly(prices, n.instanceType, n.capacity);
      items.push({
        area: 'capacity',
        code: 'capacity.idle-node',
        object: { kind: 'Node', name: n.name },
        what: `runs no pods besides DaemonSets (${n.instanceType ?? 'unknown type'}, ${n.nodeGroup ?? 'no node group'})`,
        recommendation: `let the autoscaler remove it, or drain it: kubectl drain ${n.name} --ignore-daemonsets --delete-emptydir-data`,
        ...(h === undefined
          ? { unpriced: `no price for ${n.instanceType ?? 'an unknown instance type'}` }
          : { monthlySaving: cents(h * HOURS_PER_MONTH) }),
      });
    }
  } else {
    const perNode = new Map(groups.map((g) => [g.name, estimatedAllocatable(g, p)]));
    const totalCpu = groups.reduce((s, g) => s + (perNode.get(g.name)?.cpuMillis ?? 0) * g.nodes, 0);
    const requested = new Map(groups.map((g) => [g.name, ZERO]));
    let unpinned = ZERO;
    for (const c of containers) {
      const g = pinnedTo(c, groups);
      if (g) requested.set(g.name, addResources(requested.get(g.name) ?? ZERO, c.requests, c.pods));
      else unpinned = addResources(unpinned, c.requests, c.pods);
    }
    for (const g of groups) {
      const one = perNode.get(g.name);
      const share = one && totalCpu > 0 ? (one.cpuMillis * g.nodes) / totalCpu : 0;
      const req = addResources(requested.get(g.name) ?? ZERO, unpinned, share);
      const hourly = nodeHourly(prices, g.instanceTypes[0], g.capacity);
      rows.push({
        nodeGroup: g.name,
        zone: '*',
        capacity: g.capacity,
        nodes: g.nodes,
        allocatable: one ? { cpuMillis: one.cpuMillis * g.nodes, memoryBytes: one.memoryBytes * g.nodes } : ZERO,
        requested: { cpuMillis: Math.round(req.cpuMillis), memoryBytes: Math.round(req.memoryBytes) },
        ...(hourly === undefined ? {} : { hourlyCost: cents(hourly * g.nodes) }),
      });
      if (!one) continue;
      const needed = nodesNeeded(req, one, g.min, p);
      if (needed >= g.nodes) continue;
      items.push({
        area: 'capacity',
        code: 'capacity.over-provisioned',
        object: { kind: 'NodeGroup', name: g.name },
        what: `${g.nodes} × ${g.instanceTypes[0]} for requests of ${(req.cpuMillis / 1000).toFixed(2)} vCPU and ${(req.memoryBytes / GI).toFixed(1)} GiB; ${needed} fill ${Math.round(p.targetUtilization * 100)}%`,
        recommendation: `set nodes.groups[${g.name}].desired (and min) to ${needed}, or let the autoscaler scale it in`,
        ...(hourly === undefined
          ? { unpriced: `no price for ${g.instanceTypes[0]}` }
          : { monthlySaving: cents((g.nodes - needed) * hourly * HOURS_PER_MONTH) }),
      });
    }
  }
  return {
    rows,
    items: [...items, ...splitItems(containers, groups, prices)],
    split: split(containers, groups, nodes),
  };
}

function onSpot(c: ContainerFacts, groups: readonly NodeGroupFacts[]): boolean | undefined {
  if (c.capacity) return c.capacity === 'spot';
  const g = pinnedTo(c, groups);
  return g ? g.capacity === 'spot' : undefined;
}

function split(
  containers: readonly ContainerFacts[],
  groups: readonly NodeGroupFacts[],
  nodes: readonly NodeFacts[] | undefined,
): CostReport['split'] {
  const count = (spot: boolean) =>
    nodes
      ? nodes.filter((n) => (n.capacity === 'spot') === spot).length
      : groups.filter((g) => (g.capacity === 'spot') === spot).reduce((s, g) => s + g.nodes, 0);
  const names = (pick: (c: ContainerFacts) => boolean) =>
    [...new Set(containers.filter(pick).map((c) => `${c.namespace}/${c.workloadKind}/${c.workload}`))].sort();
  return {
    onDemandNodes: count(false),
    spotNodes: count(true),
    interruptibleOnOnDemand: names((c) => c.interruptible && !c.stateful && onSpot(c, groups) === false),
    statefulOnSpot: names((c) => c.stateful && onSpot(c, groups) === true),
  };
}

/** Interruptible work pinned to on-demand while a spot group exists: the difference its requests cost. */
function splitItems(
  containers: readonly ContainerFacts[],
  groups: readonly NodeGroupFacts[],
  prices: PriceTable | undefined,
): CostItem[] {
  const spot = groups.find((g) => g.capacity === 'spot');
  if (!spot) return [];
  const byWorkload = new Map<string, { c: ContainerFacts; req: Required<Resources> }>();
  for (const c of containers) {
    if (!c.interruptible || c.stateful || onSpot(c, groups) !== false) continue;
    const key = `${c.namespace}/${c.workloadKind}/${c.workload}`;
    const e = byWorkload.get(key) ?? { c, req: ZERO };
    e.req = addResources(e.req, c.requests, c.pods);
    byWorkload.set(key, e);
  }
  const items: CostItem[] = [];
  for (const [, { c, req }] of [...byWorkload].sort(([a], [b]) => a.localeCompare(b))) {
    const g = pinnedTo(c, groups) ?? groups.find((x) => x.capacity === 'onDemand');
    const type = g?.instanceTypes[0];
    const shape = type ? instanceShape(type) : undefined;
    const od = nodeHourly(prices, type, 'onDemand');
    const share = shape ? Math.max(req.cpuMillis / (shape.vcpus * 1000), req.memoryBytes / (shape.memoryGi * GI)) : 0;
    items.push({
      area: 'capacity',
      code: 'capacity.interruptible-on-demand',
      object: { kind: c.workloadKind, namespace: c.namespace, name: c.workload },
      what: `interruptible work pinned to on-demand capacity (${g?.name ?? 'on-demand'}) while the spot group ${spot.name} exists`,
      recommendation: `schedule it on spot: nodeSelector slipway.io/capacity: spot (with a toleration if the group is tainted)`,
      ...(od === undefined || !shape || !prices
        ? { unpriced: 'the on-demand group has no price in the table' }
        : { monthlySaving: cents(share * od * prices.spotDiscount * HOURS_PER_MONTH) }),
    });
  }
  return items;
}

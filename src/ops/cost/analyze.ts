import { unreadParts } from '../common/unread.js';
import { unknownParts } from '../facts.js';
import type { OpsProblem } from '../problems.js';
import { capacity } from './capacity.js';
import type { CostFacts } from './facts.js';
import { logs } from './logs.js';
import type { CostParams } from './params.js';
import { HOURS_PER_MONTH, PRICED_REGIONS, type PriceTable, pricesFor } from './prices.js';
import type { CostItem, CostReport } from './report-types.js';
import { rightsize } from './rightsizing.js';
import { storage } from './storage.js';
import { cents } from './unit-prices.js';

const AREA_ORDER = ['rightsizing', 'capacity', 'storage', 'logs'];

function sortItems(items: CostItem[]): CostItem[] {
  const key = (i: CostItem) =>
    `${AREA_ORDER.indexOf(i.area)}\u0000${i.code}\u0000${i.object.namespace ?? ''}\u0000${i.object.kind}\u0000${i.object.name}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

/** A control plane in extended support costs the difference to standard support every hour. */
function controlPlaneItems(facts: CostFacts, table: PriceTable | undefined): CostItem[] {
  const support = facts.controlPlane.support;
  if (support.state !== 'read' || support.value === 'standard') return [];
  return [
    {
      area: 'capacity',
      code: 'capacity.extended-support',
      object: { kind: 'Cluster', name: facts.clusterName },
      what: `Kubernetes ${facts.controlPlane.version} is ${support.value === 'ended' ? 'past' : 'in'} EKS extended support`,
      recommendation: `upgrade to a minor in standard support: slipway upgrade plan --env ${facts.environment}`,
      ...(table
        ? {
            monthlySaving: cents((table.eks.extendedClusterHour - table.eks.standardClusterHour) * HOURS_PER_MONTH),
          }
        : { unpriced: 'no price table for this region' }),
    },
  ];
}

/**
 * The cost report of one environment from its facts: right-sizing, capacity,
 * storage and logs items, each with its monthly saving from the price table
 * (`prices`, default the bundled table of the region), and their total.
 */
export function analyzeCost(facts: CostFacts, p: CostParams, prices?: PriceTable): CostReport {
  const table = prices ?? pricesFor(facts.region);
  const nodes = facts.nodes.state === 'read' ? facts.nodes.value : undefined;
  const sized = rightsize(facts.containers, facts.nodeGroups, table, p);
  const cap = capacity(facts.containers, facts.nodeGroups, nodes, table, p);
  const items = sortItems([
    ...controlPlaneItems(facts, table),
    ...sized.items,
    ...cap.items,
    ...storage(facts.volumes, facts.snapshots, table, p),
    ...(facts.logGroups.state === 'read' ? logs(facts.logGroups.value, table, p) : []),
  ]);
  const unknown: Record<string, string> = unknownParts({
    nodes: facts.nodes,
    snapshots: facts.snapshots,
    logGroups: facts.logGroups,
    controlPlaneSupport: facts.controlPlane.support,
  });
  Object.assign(unknown, unreadParts(facts.unread ?? {}));
  const usageUnknown = facts.containers.find((c) => c.usage.state === 'unknown');
  if (usageUnknown && usageUnknown.usage.state === 'unknown') unknown.usage = usageUnknown.usage.reason;
  const noRequests = facts.containers.filter(
    (c) => c.requests.cpuMillis === undefined || c.requests.memoryBytes === undefined,
  );
  const problems: OpsProblem[] = [];
  for (const c of noRequests) {
    problems.push({
      severity: 'warning',
      code: 'cost.no-requests',
      object: { kind: c.workloadKind, namespace: c.namespace, name: c.workload },
      what: `container ${c.container} sets no ${c.requests.cpuMillis === undefined ? 'CPU' : 'memory'} request: the scheduler cannot plan for it and its cost is not counted`,
      next: 'set resources.requests (apps: resources.requests in slipway.config.yaml)',
      source: 'kubernetes',
    });
  }
  for (const name of cap.split.statefulOnSpot) {
    const [namespace, kind, workload] = name.split('/');
    problems.push({
      severity: 'warning',
      code: 'cost.stateful-on-spot',
      object: { kind, namespace, name: workload },
      what: 'stateful work pinned to spot capacity, which AWS may reclaim with two minutes notice',
      next: 'pin it to on-demand: nodeSelector slipway.io/capacity: on-demand',
      source: 'kubernetes',
    });
  }
  return {
    environment: facts.environment,
    region: facts.region,
    clusterName: facts.clusterName,
    prices: table
      ? { region: table.region, retrieved: table.retrieved, currency: table.currency, spotDiscount: table.spotDiscount }
      : { unknown: `no price table for ${facts.region}; the table holds ${PRICED_REGIONS.join(', ')}` },
    rightsizing: sized.sizing,
    capacity: cap.rows,
    split: cap.split,
    items,
    totalMonthlySaving: cents(items.reduce((s, i) => s + (i.monthlySaving ?? 0), 0)),
    unknown,
    problems,
  };
}

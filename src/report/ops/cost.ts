import type { CostReport } from '../../ops/cost/report-types.js';
import { mdTable, money, objectName, PROBLEM_HEAD, problemRows, textTable, unknownLines } from './tables.js';

const GI = 2 ** 30;

function cpu(m: number | undefined): string {
  return m === undefined ? '—' : `${(m / 1000).toFixed(2)}`;
}
function gi(b: number | undefined): string {
  return b === undefined ? '—' : `${(b / GI).toFixed(1)}`;
}

function sizingRows(r: CostReport): string[][] {
  return r.rightsizing.map((s) => [
    `${s.namespace}/${s.workload}/${s.container}`,
    String(s.pods),
    `${cpu(s.requests.cpuMillis)} / ${gi(s.requests.memoryBytes)}`,
    'unknown' in s.usage ? 'unknown' : `${cpu(s.usage.cpuMillis)} / ${gi(s.usage.memoryBytes)}`,
    s.recommended ? `${cpu(s.recommended.requests.cpuMillis)} / ${gi(s.recommended.requests.memoryBytes)}` : '—',
  ]);
}

const SIZING_HEAD = ['container', 'pods', 'requests vCPU / GiB', 'usage', 'recommended'];
const CAPACITY_HEAD = ['node group', 'zone', 'capacity', 'nodes', 'requested / allocatable vCPU', 'GiB', 'per hour'];
const ITEM_HEAD = ['area', 'code', 'object', 'what', 'do', 'saving / month'];

function capacityRows(r: CostReport, currency: string): string[][] {
  return r.capacity.map((c) => [
    c.nodeGroup,
    c.zone,
    c.capacity,
    String(c.nodes),
    `${cpu(c.requested.cpuMillis)} / ${cpu(c.allocatable.cpuMillis)}`,
    `${gi(c.requested.memoryBytes)} / ${gi(c.allocatable.memoryBytes)}`,
    money(c.hourlyCost, currency),
  ]);
}

function itemRows(r: CostReport, currency: string): string[][] {
  return r.items.map((i) => [
    i.area,
    i.code,
    objectName(i.object),
    i.what,
    i.recommendation,
    i.monthlySaving === undefined ? `not priced: ${i.unpriced ?? ''}` : money(i.monthlySaving, currency),
  ]);
}

function priceLine(r: CostReport): string {
  return 'unknown' in r.prices
    ? `prices: ${r.prices.unknown}`
    : `prices: ${r.prices.region} table read ${r.prices.retrieved} (${r.prices.currency}; spot assumed ${Math.round(r.prices.spotDiscount * 100)}% below on-demand)`;
}

function currencyOf(r: CostReport): string {
  return 'unknown' in r.prices ? 'USD' : r.prices.currency;
}

/** The cost report as text for a terminal. */
export function costText(r: CostReport): string {
  const cur = currencyOf(r);
  const parts = [
    `cost: ${r.environment} (${r.clusterName}, ${r.region})`,
    priceLine(r),
    '',
    'Right-sizing',
    textTable(SIZING_HEAD, sizingRows(r)),
    '',
    'Capacity',
    textTable(CAPACITY_HEAD, capacityRows(r, cur)),
    `on-demand nodes ${r.split.onDemandNodes}, spot nodes ${r.split.spotNodes}`,
    '',
    `Items (${r.items.length})`,
    r.items.length ? textTable(ITEM_HEAD, itemRows(r, cur)) : '  none',
    '',
    `Estimated saving: ${money(r.totalMonthlySaving, cur)} a month`,
  ];
  if (r.problems.length) parts.push('', 'Problems', textTable(PROBLEM_HEAD, problemRows(r.problems)));
  const unknown = unknownLines(r.unknown);
  if (unknown.length) parts.push('', 'Not known (static mode or not read):', ...unknown);
  return `${parts.join('\n')}\n`;
}

/** The cost report as markdown. */
export function costMarkdown(r: CostReport): string {
  const cur = currencyOf(r);
  const parts = [
    `# Cost: ${r.environment}`,
    '',
    `Cluster ${r.clusterName} in ${r.region}; ${priceLine(r)}.`,
    '',
    '## Right-sizing',
    '',
    mdTable(SIZING_HEAD, sizingRows(r)),
    '',
    '## Capacity',
    '',
    mdTable(CAPACITY_HEAD, capacityRows(r, cur)),
    '',
    `On-demand nodes ${r.split.onDemandNodes}, spot nodes ${r.split.spotNodes}.`,
    '',
    '## Items',
    '',
    r.items.length ? mdTable(ITEM_HEAD, itemRows(r, cur)) : 'None.',
    '',
    `**Estimated saving: ${money(r.totalMonthlySaving, cur)} a month.**`,
  ];
  if (r.problems.length) parts.push('', '## Problems', '', mdTable(PROBLEM_HEAD, problemRows(r.problems)));
  const unknown = unknownLines(r.unknown, '- ');
  if (unknown.length) parts.push('', '## Not known', '', ...unknown);
  return `${parts.join('\n')}\n`;
}

import type { LogGroupFacts } from './facts.js';
import type { CostParams } from './params.js';
import type { PriceTable } from './prices.js';
import type { CostItem } from './report-types.js';
import { cents } from './unit-prices.js';

const GB = 1e9;

/** Log groups that never expire or keep logs longer than the environment's range, with what they store. */
export function logs(groups: readonly LogGroupFacts[], prices: PriceTable | undefined, p: CostParams): CostItem[] {
  const items: CostItem[] = [];
  for (const g of groups) {
    const object = { kind: 'LogGroup', name: g.name };
    if (g.retentionDays !== undefined && g.retentionDays <= p.maxLogRetentionDays) continue;
    const stored = g.storedBytes.state === 'read' ? g.storedBytes.value : undefined;
    const storedText =
      stored === undefined ? `stored bytes not known (${unknownReason(g)})` : `${(stored / GB).toFixed(2)} GB stored`;
    const command = `aws logs put-retention-policy --log-group-name ${g.name} --retention-in-days ${p.maxLogRetentionDays}`;
    if (g.retentionDays === undefined) {
      items.push({
        area: 'logs',
        code: 'logs.no-retention',
        object,
        what: `never expires; ${storedText}`,
        recommendation: command,
        unpriced:
          stored === undefined || !prices
            ? 'stored bytes are not known'
            : `how much of it is older than ${p.maxLogRetentionDays} days is not known; the group costs ${cents((stored / GB) * prices.cloudwatchLogs.storageGbMonth)} a month to keep`,
      });
      continue;
    }
    const drop = 1 - p.maxLogRetentionDays / g.retentionDays;
    items.push({
      area: 'logs',
      code: 'logs.retention-above-range',
      object,
      what: `keeps ${g.retentionDays} days, above the environment's ${p.maxLogRetentionDays}; ${storedText}`,
      recommendation: command,
      ...(stored === undefined || !prices
        ? { unpriced: 'stored bytes are not known' }
        : { monthlySaving: cents((stored / GB) * prices.cloudwatchLogs.storageGbMonth * drop) }),
    });
  }
  return items;
}

function unknownReason(g: LogGroupFacts): string {
  return g.storedBytes.state === 'unknown' ? g.storedBytes.reason : '';
}

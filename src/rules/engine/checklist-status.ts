import { CHECKLIST } from '../checklist.js';
import type { ResultStatus } from '../types.js';
import type { ChecklistEntry, ChecklistStatus, StatusCounts } from './types.js';

export function emptyCounts(): StatusCounts {
  return { pass: 0, fail: 0, warn: 0, unknown: 0, skip: 0 };
}

/** A rule that ran, with the statuses of its results that count (suppressed ones left out). */
export interface RuleOutcome {
  readonly id: string;
  readonly checklist: readonly string[];
  readonly counts: StatusCounts;
}

/**
 * Each checklist item's status from the rules that name it: fail if any
 * result failed, else unknown, else warn, else pass. An item no rule ran for
 * is unknown; an item whose rules found nothing to check is skip.
 */
export function checklistEntries(
  outcomes: readonly RuleOutcome[],
  notRun: ReadonlyMap<string, string>,
): ChecklistEntry[] {
  return CHECKLIST.map((item) => {
    const ran = outcomes.filter((o) => o.checklist.includes(item.id));
    const counts = emptyCounts();
    for (const o of ran) for (const s of Object.keys(counts) as ResultStatus[]) counts[s] += o.counts[s];
    let status: ChecklistStatus;
    let note: string | undefined;
    if (ran.length === 0) {
      status = 'unknown';
      note = notRun.get(item.id) ?? 'no rule verifies this item';
    } else if (counts.fail) status = 'fail';
    else if (counts.unknown) status = 'unknown';
    else if (counts.warn) status = 'warn';
    else if (counts.pass) status = 'pass';
    else {
      status = 'skip';
      note = 'nothing in the inputs to check';
    }
    return {
      id: item.id,
      category: item.category,
      item: item.item,
      status,
      howVerified: item.howVerified,
      why: item.why,
      rules: ran.map((o) => o.id).sort(),
      counts,
      ...(note ? { note } : {}),
    };
  });
}

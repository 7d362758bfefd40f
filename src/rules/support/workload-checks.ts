import type { Inventory } from '../../inventory/inventory.js';
import type { Workload } from '../../inventory/workloads.js';
import type { RuleResult } from '../types.js';
import { nothingToCheck } from './coverage.js';

/**
 * Judges every workload of the given kinds, in inventory order; a judge may
 * return nothing for a workload it has no opinion on. With no workload of
 * those kinds, one `unknown` (the kinds could not be read) or `skip` result
 * saying there are no `what` in the sources.
 */
export function checkWorkloads(
  inv: Inventory,
  kinds: readonly string[],
  what: string,
  judge: (w: Workload) => RuleResult | RuleResult[],
): RuleResult[] {
  const workloads = inv.workloads({ kinds });
  if (workloads.length === 0) return nothingToCheck(inv, kinds, what);
  const out: RuleResult[] = [];
  for (const w of workloads) {
    const r = judge(w);
    if (Array.isArray(r)) for (const x of r) out.push(x);
    else out.push(r);
  }
  return out;
}

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
  // Indexed loops: these run for every workload of many rules, mostly before the JIT optimises them.
  for (let i = 0; i < workloads.length; i++) {
    const r = judge(workloads[i]);
    if (Array.isArray(r)) for (let j = 0; j < r.length; j++) out.push(r[j]);
    else out.push(r);
  }
  return out;
}

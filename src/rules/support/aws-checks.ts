import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import type { RuleResult } from '../types.js';
import { nothingToCheckAws } from './coverage.js';

/**
 * Judges every AWS resource of one CloudFormation type, in inventory order.
 * With none, one `unknown` (the type could not be read) or `skip` result
 * saying there are no `what` in the sources.
 */
export function checkAwsResources(
  inv: Inventory,
  type: string,
  what: string,
  judge: (r: AwsResource) => RuleResult | RuleResult[],
): RuleResult[] {
  const resources = inv.aws(type);
  if (resources.length === 0) return nothingToCheckAws(inv, [type], what);
  const out: RuleResult[] = [];
  for (const a of resources) {
    const r = judge(a);
    if (Array.isArray(r)) for (const x of r) out.push(x);
    else out.push(r);
  }
  return out;
}

import type { Inventory } from '../../inventory/inventory.js';
import type { RuleResult, Subject } from '../types.js';
import { result } from './results.js';

/**
 * For rules about facts only a running cluster shows (status, restarts, sync
 * state): one `skip` in static mode, saying how to get the facts.
 */
export function needsLiveFacts(inv: Inventory, subject: Subject, what: string): RuleResult[] | undefined {
  if (inv.coverage.mode !== 'static') return undefined;
  return [
    result(
      'skip',
      subject,
      `${what} is only shown by a running cluster: run verify --live, or --from-dump with kubectl output`,
    ),
  ];
}

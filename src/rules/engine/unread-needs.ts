import type { Inventory } from '../../inventory/inventory.js';
import type { RuleMeta, RuleResult } from '../types.js';

/** A kind or AWS type a rule reads that the sources were asked for and could not read. */
export interface UnreadNeed {
  /** The Kubernetes kind or the AWS CloudFormation type. */
  readonly need: string;
  readonly source: 'kube' | 'aws';
  readonly status: 'forbidden' | 'error';
  /** The missing permission, or the read error. */
  readonly reason: string;
}

/** The rule's declared needs that were not read, in the order it declares them. */
export function unreadNeeds(inv: Inventory, needs: RuleMeta<unknown>['needs']): UnreadNeed[] {
  const out: UnreadNeed[] = [];
  for (const kind of needs.kube ?? []) {
    const read = inv.kindRead(kind);
    if (read && read.status !== 'read') {
      out.push({ need: kind, source: 'kube', status: read.status, reason: read.reason ?? read.status });
    }
  }
  for (const type of needs.aws ?? []) {
    const read = inv.awsTypeRead(type);
    if (read && read.status !== 'read') {
      out.push({ need: type, source: 'aws', status: read.status, reason: read.reason ?? read.status });
    }
  }
  return out;
}

/**
 * A rule's results when some of the kinds it reads were not read: its
 * failures and warnings stand (they were seen), its passes and skips do not
 * (what was not read might have failed), and one `unknown` names every unread
 * need with the missing permission or the read error. The rule's own "cannot
 * be shown" results (subject `*`) are replaced by it.
 */
export function withUnreadNeeds(results: readonly RuleResult[], unread: readonly UnreadNeed[]): RuleResult[] {
  const kept = results.filter((r) => {
    if (r.status === 'fail' || r.status === 'warn') return true;
    if (r.status !== 'unknown') return false;
    const s = r.subject;
    return 'awsType' in s ? s.id !== '*' : s.name !== '*';
  });
  const first = unread[0];
  const what = unread.map((u) => `${u.need} (${u.reason})`).join('; ');
  kept.push({
    status: 'unknown',
    subject: first.source === 'aws' ? { awsType: first.need, id: '*' } : { kind: first.need, name: '*' },
    message: `not read: ${what}; what they would show is unknown, so nothing here counts as a pass`,
  });
  return kept;
}

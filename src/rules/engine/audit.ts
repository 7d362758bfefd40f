import type { Inventory } from '../../inventory/inventory.js';
import { needsOf } from '../../inventory/sources/needs.js';
import type { Rule } from '../types.js';
import type { ExemptionState } from './exemptions.js';
import type { Finding, WaiverRecord } from './types.js';
import type { WaiverState } from './waivers.js';

/**
 * How many objects and resources of the kinds the rules read the inventory
 * holds, and what was searched for (for the "nothing to verify" verdict).
 * With a namespace (a live run with -n) only the Kubernetes objects in it
 * count: the account's AWS resources and cluster-scoped objects are not
 * evidence that the namespace asked for exists, so a mistyped or empty one is
 * "nothing to verify", not a verdict on the rest. Rules that read no
 * Kubernetes kind still count their AWS resources.
 */
export function evidenceOf(
  inv: Inventory,
  rules: readonly Rule[],
  namespace?: string,
): { count: number; searched: string } {
  const needs = needsOf(rules);
  let count = 0;
  for (const k of needs.kube) {
    const objects = inv.kube(k);
    count +=
      namespace === undefined
        ? objects.length
        : objects.filter((o) => o.object.metadata.namespace === namespace).length;
  }
  if (namespace === undefined || needs.kube.length === 0) for (const t of needs.aws) count += inv.aws(t).length;
  const list = (xs: readonly string[]) =>
    xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ');
  const parts = [
    needs.kube.length ? `Kubernetes ${list(needs.kube)}` : '',
    needs.aws.length ? `AWS ${list(needs.aws)}` : '',
  ].filter(Boolean);
  return {
    count,
    searched: `no object of a kind the selected rules read was found${namespace === undefined ? '' : ` in namespace ${namespace}`} (${parts.join('; ') || 'no kinds'}); ${inv.kubeResources.length} Kubernetes objects and ${inv.awsResources.length} AWS resources were read in all`,
  };
}

/**
 * Every waiver and exemption of the environment (used or not, expired or
 * not), and every suppression annotation that set a finding aside, with how
 * many findings each set aside: the list an auditor reads.
 */
export function waiverRecords(
  findings: readonly Finding[],
  exemptions: readonly ExemptionState[],
  waivers: readonly WaiverState[],
): WaiverRecord[] {
  const used = new Map<string, number>();
  const annotations = new Map<string, WaiverRecord>();
  for (const f of findings) {
    const s = f.suppressed;
    if (!s) continue;
    const key = s.by === 'annotation' ? `${s.key} on ${subjectName(f)}` : s.key;
    used.set(key, (used.get(key) ?? 0) + 1);
    if (s.by === 'annotation' && !annotations.has(key)) {
      annotations.set(key, {
        by: 'annotation',
        key,
        reason: s.reason,
        ...(s.expires ? { expires: s.expires } : {}),
        covers: f.ruleId,
        findings: 0,
        expired: false,
      });
    }
  }
  const record = (
    by: 'waiver' | 'exemption',
    key: string,
    entry: { reason: string; expires?: string },
    covers: string,
    expired: boolean,
  ): WaiverRecord => ({
    by,
    key,
    reason: entry.reason,
    ...(entry.expires ? { expires: entry.expires } : {}),
    covers,
    findings: used.get(key) ?? 0,
    expired,
  });
  const out: WaiverRecord[] = [
    ...waivers.map((w) => record('waiver', w.path, w.waiver, w.waiver.check, w.expired)),
    ...exemptions.map((e) => record('exemption', e.path, e.exemption, e.exemption.rule, e.expired)),
    ...[...annotations.values()].map((a) => ({ ...a, findings: used.get(a.key) ?? 0 })),
  ];
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function subjectName(f: Finding): string {
  const s = f.subject;
  return 'awsType' in s ? `${s.awsType} ${s.id}` : `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

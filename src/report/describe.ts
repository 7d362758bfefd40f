import type { Finding, FindingLocation } from '../rules/engine/types.js';
import type { Subject } from '../rules/types.js';

/** `Deployment shop/web (container web)` or `AWS::EKS::Nodegroup Nodes`. */
export function describeSubject(s: Subject): string {
  if ('awsType' in s) return `${s.awsType} ${s.id}`;
  const name = s.namespace ? `${s.namespace}/${s.name}` : s.name;
  return `${s.kind} ${name}${s.container ? ` (container ${s.container})` : ''}`;
}

/** `file:line:column`, `cluster prod-eks`, `account 1234 us-east-1`, or '' when unknown. */
export function describeLocation(l: FindingLocation): string {
  if (l.file)
    return [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((x) => x !== undefined).join(':');
  if (l.cluster) return `cluster ${l.cluster}`;
  if (l.account || l.region) return ['account', l.account, l.region].filter(Boolean).join(' ');
  return '';
}

export const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', unknown: 'UNKNOWN', skip: 'SKIP' } as const;

/** Findings that count, by status. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}

export function formatScore(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${n}`;
}

/** Code-unit order, the same in every locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

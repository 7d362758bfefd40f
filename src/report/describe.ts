import type {
  Finding,
  FindingLocation,
  ReportTarget,
  Suppression,
  VerifyReport,
  VerifySummary,
} from '../rules/engine/types.js';
import type { Subject } from '../rules/types.js';

/** `Deployment shop/web (container web)` or `AWS::EKS::Nodegroup Nodes`. */
export function describeSubject(s: Subject): string {
  if ('awsType' in s) return `${s.awsType} ${s.id}`;
  const name = s.namespace ? `${s.namespace}/${s.name}` : s.name;
  return `${s.kind} ${name}${s.container ? ` (container ${s.container})` : ''}`;
}

/** `file:line:column`, `context prod-eu (cluster prod-eks)`, `cluster prod-eks`, `account 1234 us-east-1`, or '' when unknown. */
export function describeLocation(l: FindingLocation): string {
  if (l.file)
    return [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((x) => x !== undefined).join(':');
  if (l.context) return `context ${l.context}${l.cluster ? ` (cluster ${l.cluster})` : ''}`;
  if (l.cluster) return `cluster ${l.cluster}`;
  if (l.account || l.region) return ['account', l.account, l.region].filter(Boolean).join(' ');
  return '';
}

export const STATUS_LABEL = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  unknown: 'UNKNOWN',
  skip: 'SKIP',
  error: 'ERROR',
} as const;

/** `context prod-eu (cluster prod-eks, https://…)`: where a fleet report was read. */
export function describeTarget(t: ReportTarget): string {
  const parts = [t.cluster ? `cluster ${t.cluster}` : '', t.server ?? ''].filter(Boolean);
  return `context ${t.context}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** A report's name: the environment, and in a fleet run the context it was read through (`prod-eu (prod)`). */
export function reportLabel(r: Pick<VerifyReport, 'environment' | 'target'>): string {
  return r.target ? `${r.target.context} (${r.environment.name})` : r.environment.name;
}

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

/** `waived` for a prod-floor waiver, `suppressed` for an annotation or a config exemption. */
export function setAsideLabel(s: Suppression): 'waived' | 'suppressed' {
  return s.by === 'waiver' ? 'waived' : 'suppressed';
}

/** `waived by environments.prod.waivers[0]: <reason> (until 2027-01-01)`. */
export function describeSetAside(s: Suppression): string {
  return `${setAsideLabel(s)} by ${s.by} ${s.key}: ${s.reason}${s.expires ? ` (until ${s.expires})` : ''}`;
}

/** `12 proved, 1 failed, 0 warned, 3 unknown, 2 not applicable` (checklist items). */
export function describeChecklistCoverage(s: VerifySummary): string {
  const c = s.checklist;
  return `${c.proved} proved, ${c.failed} failed, ${c.warned} warned, ${c.unknown} unknown, ${c.notApplicable} not applicable`;
}

/** What fails the run, in words: `failures at or above high`, or `any failure or unknown`. */
export function describeFailOn(s: VerifySummary): string {
  return s.failOn === 'unknown' ? 'any failure or unknown' : `failures at or above ${s.failOn}`;
}

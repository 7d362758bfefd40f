import type { createColors } from 'picocolors';
import type { Finding } from '../rules/engine/types.js';
import { formatCount } from '../util/format-count.js';
import { cmp, describeLocation, describeSubject, STATUS_LABEL } from './describe.js';

type Colors = ReturnType<typeof createColors>;
type Paint = (s: Finding['status'], text: string) => string;

/** Findings shown on a terminal when --max-findings is not given; every format but the table shows all. */
export const DEFAULT_MAX_FINDINGS = 50;

/**
 * The findings part of the terminal report: first one line per rule and
 * status with its count (so a run with thousands of findings still says what
 * is wrong at a glance), then the findings by file, at most `max` of them
 * (0: all), with a line saying how many more there are.
 */
export function findingsSection(findings: readonly Finding[], max: number, c: Colors, paint: Paint): string[] {
  const out: string[] = [];
  out.push(c.bold(`Findings by rule (${formatCount(findings.length)})`));
  for (const g of byRule(findings)) {
    out.push(
      `  ${paint(g.status, STATUS_LABEL[g.status].padEnd(7))} ${g.severity.padEnd(8)} ${g.ruleId.padEnd(40)} ${formatCount(g.count).padStart(6)}`,
    );
  }
  out.push('');
  const shown = max > 0 ? findings.slice(0, max) : findings;
  out.push(
    c.bold(
      shown.length < findings.length
        ? `Findings (first ${shown.length} of ${formatCount(findings.length)})`
        : `Findings (${formatCount(findings.length)})`,
    ),
  );
  for (const [where, list] of groupByFile(shown)) {
    out.push(`  ${c.underline(where)}`);
    for (const f of list) {
      const pos = f.location.line !== undefined ? `${f.location.line}:${f.location.column ?? 1}` : '-';
      out.push(
        `    ${pos.padEnd(8)} ${paint(f.status, STATUS_LABEL[f.status].padEnd(7))} ${f.severity.padEnd(8)} ${f.ruleId}  ${describeSubject(f.subject)}`,
        `             ${f.message}`,
        c.dim(`             fix: ${f.fix}`),
      );
    }
  }
  if (shown.length < findings.length) {
    out.push(
      c.dim(
        `  … ${formatCount(findings.length - shown.length)} more findings: --max-findings 0 shows all, -o json|sarif|junit lists every one`,
      ),
    );
  }
  out.push('');
  return out;
}

interface RuleGroup {
  readonly ruleId: string;
  readonly status: Finding['status'];
  readonly severity: Finding['severity'];
  count: number;
}

/** One group per rule and status, failures first, then by count. */
function byRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.status}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { ruleId: f.ruleId, status: f.status, severity: f.severity, count: 1 });
  }
  const rank = { fail: 0, unknown: 1, warn: 2 } as const;
  return [...groups.values()].sort(
    (a, b) => rank[a.status] - rank[b.status] || b.count - a.count || cmp(a.ruleId, b.ruleId),
  );
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  const sorted = [...findings].sort(
    (a, b) =>
      cmp(a.location.file ?? '\uffff', b.location.file ?? '\uffff') ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      cmp(a.ruleId, b.ruleId),
  );
  for (const f of sorted) {
    const key = f.location.file ?? (describeLocation(f.location) || '(no file)');
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

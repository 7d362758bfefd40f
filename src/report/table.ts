import { createColors } from 'picocolors';
import type { ChecklistStatus, Finding, VerifyReport } from '../rules/engine/types.js';
import { activeFindings, cmp, describeLocation, describeSubject, formatScore, STATUS_LABEL } from './describe.js';

export interface TableOptions {
  readonly color: boolean;
}

const MAX_NOTES = 20;

/**
 * The terminal report: the checklist (category, item, status, how verified, why
 * it matters), then findings grouped by file with line:column, suppressed
 * findings, the score per category and overall, and the result.
 */
export async function renderTableReport(reports: readonly VerifyReport[], opts: TableOptions): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const c = createColors(opts.color);
  const paint = (s: ChecklistStatus | Finding['status'], text: string) =>
    s === 'pass' ? c.green(text) : s === 'fail' ? c.red(text) : s === 'warn' ? c.yellow(text) : c.dim(text);
  const out: string[] = [];
  for (const r of reports) {
    const env = r.environment;
    const source =
      env.thresholds === 'config' ? 'thresholds from the config' : 'no config: thresholds of the prod preset';
    out.push(c.bold(`Environment ${env.name} (preset ${env.preset}, cluster ${env.cluster}; ${source})`), '');
    const table = new Table({
      head: ['Category', 'Item', 'Status', 'How verified', 'Why it matters'],
      colWidths: [16, 24, 9, 38, 30],
      wordWrap: true,
      style: { head: opts.color ? ['cyan'] : [], border: opts.color ? ['grey'] : [] },
    });
    for (const e of r.checklist) {
      const how = e.note ? `${e.howVerified} (${e.note})` : e.howVerified;
      table.push([e.category, e.item, paint(e.status, STATUS_LABEL[e.status]), how, e.why]);
    }
    out.push(table.toString(), '');

    const active = activeFindings(r.findings);
    if (active.length) {
      out.push(c.bold(`Findings (${active.length})`));
      for (const [where, list] of groupByFile(active)) {
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
      out.push('');
    } else {
      out.push(c.green('No findings.'), '');
    }

    const suppressed = r.findings.filter((f) => f.suppressed);
    if (suppressed.length) {
      out.push(c.bold(`Suppressed (${suppressed.length})`));
      for (const f of suppressed) {
        const s = f.suppressed as NonNullable<Finding['suppressed']>;
        const where = describeLocation(f.location);
        out.push(
          `  ${f.ruleId}  ${describeSubject(f.subject)}${where ? `  ${where}` : ''}`,
          c.dim(`    by ${s.by} ${s.key}: ${s.reason}${s.expires ? ` (until ${s.expires})` : ''}`),
        );
      }
      out.push('');
    }

    const notes = r.summary.notes;
    if (notes.length) {
      out.push(c.bold('Notes'));
      for (const n of notes.slice(0, MAX_NOTES)) out.push(c.dim(`  ${n}`));
      if (notes.length > MAX_NOTES) out.push(c.dim(`  … and ${notes.length - MAX_NOTES} more (see -o json)`));
      out.push('');
    }

    const scores = Object.entries(r.summary.score.categories)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k} ${formatScore(v)}`);
    out.push(
      `${c.bold('Score')}  ${scores.join(' · ') || 'nothing scored'}  ${c.bold(`overall ${formatScore(r.summary.score.overall)}`)}`,
    );
    const k = r.summary.counts;
    out.push(
      `Results: ${k.pass} passed, ${k.fail} failed, ${k.warn} warnings, ${k.unknown} unknown, ${k.skip} not applicable, ${r.summary.suppressed} suppressed; ${r.summary.rulesRun} rules over ${r.summary.inputs.kubeObjects} Kubernetes objects and ${r.summary.inputs.awsResources} AWS resources`,
    );
    out.push(
      r.summary.result === 'fail'
        ? c.red(c.bold(`Result: FAIL (failures at or above ${r.summary.failOn})`))
        : c.green(c.bold(`Result: PASS (no failure at or above ${r.summary.failOn})`)),
      '',
    );
  }
  return `${out.join('\n')}`;
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

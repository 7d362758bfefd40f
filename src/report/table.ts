import { createColors } from 'picocolors';
import type { ChecklistStatus, Finding, VerifyReport } from '../rules/engine/types.js';
import {
  activeFindings,
  describeChecklistCoverage,
  describeFailOn,
  describeLocation,
  describeSetAside,
  describeSubject,
  formatScore,
  STATUS_LABEL,
  setAsideLabel,
} from './describe.js';
import { checklistColumns, DEFAULT_TABLE_WIDTH } from './table-columns.js';
import { DEFAULT_MAX_FINDINGS, findingsSection } from './table-findings.js';

export interface TableOptions {
  readonly color: boolean;
  /** Terminal width in characters; default DEFAULT_TABLE_WIDTH. */
  readonly width?: number;
  /** Findings listed one by one (0: all); default DEFAULT_MAX_FINDINGS. */
  readonly maxFindings?: number;
  /** Only failures and the result line. */
  readonly quiet?: boolean;
}

const MAX_NOTES = 20;

/**
 * The terminal report: the checklist (category, item, status, how verified, why
 * it matters) fitted to the terminal, the findings by rule with counts and then
 * by file with line:column, waived and suppressed findings, the waivers in
 * effect, the score, the coverage of the checklist and the result. Quiet: only
 * the failures and the result line.
 */
export async function renderTableReport(reports: readonly VerifyReport[], opts: TableOptions): Promise<string> {
  const c = createColors(opts.color);
  const paint = (s: ChecklistStatus | Finding['status'], text: string) =>
    s === 'pass' ? c.green(text) : s === 'fail' ? c.red(text) : s === 'warn' ? c.yellow(text) : c.dim(text);
  const out: string[] = [];
  for (const r of reports) {
    if (opts.quiet) {
      const failures = activeFindings(r.findings).filter(
        (f) => f.status === 'fail' || (f.status === 'unknown' && r.summary.failOn === 'unknown'),
      );
      if (failures.length) out.push(...findingsSection(failures, opts.maxFindings ?? DEFAULT_MAX_FINDINGS, c, paint));
      out.push(resultLine(r, c));
      continue;
    }
    const env = r.environment;
    const source =
      env.thresholds === 'config' ? 'thresholds from the config' : 'no config: thresholds of the prod preset';
    out.push(c.bold(`Environment ${env.name} (preset ${env.preset}, cluster ${env.cluster}; ${source})`), '');
    out.push(await checklistTable(r, opts, paint), '');

    const active = activeFindings(r.findings);
    if (active.length) out.push(...findingsSection(active, opts.maxFindings ?? DEFAULT_MAX_FINDINGS, c, paint));
    else out.push(c.green('No findings.'), '');

    const setAside = r.findings.filter((f) => f.suppressed);
    if (setAside.length) {
      out.push(c.bold(`Waived and suppressed (${setAside.length})`));
      for (const f of setAside) {
        const s = f.suppressed as NonNullable<Finding['suppressed']>;
        const where = describeLocation(f.location);
        out.push(
          `  ${setAsideLabel(s).toUpperCase().padEnd(10)} ${f.ruleId}  ${describeSubject(f.subject)}${where ? `  ${where}` : ''}`,
          c.dim(`    ${describeSetAside(s)}`),
        );
      }
      out.push('');
    }
    const idle = r.waivers.filter((w) => w.findings === 0);
    if (idle.length) {
      out.push(c.bold(`Waivers and exemptions that set nothing aside (${idle.length})`));
      for (const w of idle)
        out.push(c.dim(`  ${w.by} ${w.key} (${w.covers})${w.expired ? ` expired ${w.expires}` : ''}: ${w.reason}`));
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
      `Checklist: ${describeChecklistCoverage(r.summary)} (of ${r.checklist.length} items)`,
      `Results: ${k.pass} passed, ${k.fail} failed, ${k.warn} warnings, ${k.unknown} unknown, ${k.skip} not applicable, ${r.summary.waived} waived, ${r.summary.suppressed - r.summary.waived} suppressed; ${r.summary.rulesRun} rules over ${r.summary.inputs.kubeObjects} Kubernetes objects and ${r.summary.inputs.awsResources} AWS resources`,
    );
    out.push(resultLine(r, c), '');
  }
  return `${out.join('\n')}`;
}

function resultLine(r: VerifyReport, c: ReturnType<typeof createColors>): string {
  if (r.summary.nothingToVerify) return c.red(c.bold(`Result: NOTHING TO VERIFY (${r.summary.nothingToVerify})`));
  return r.summary.result === 'fail'
    ? c.red(c.bold(`Result: FAIL (${describeFailOn(r.summary)})`))
    : c.green(
        c.bold(
          `Result: PASS (no ${describeFailOn(r.summary)
            .replace(/^any /, '')
            .replace(/^failures/, 'failure')})`,
        ),
      );
}

async function checklistTable(
  r: VerifyReport,
  opts: TableOptions,
  paint: (s: ChecklistStatus, text: string) => string,
): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const { head, widths } = checklistColumns(opts.width ?? DEFAULT_TABLE_WIDTH);
  const table = new Table({
    head,
    colWidths: widths,
    wordWrap: true,
    style: { head: opts.color ? ['cyan'] : [], border: opts.color ? ['grey'] : [] },
  });
  for (const e of r.checklist) {
    const how = e.note ? `${e.howVerified} (${e.note})` : e.howVerified;
    table.push([e.category, e.item, paint(e.status, STATUS_LABEL[e.status]), how, e.why].slice(0, head.length));
  }
  return table.toString();
}

import { createColors } from 'picocolors';
import type { ChecklistStatus, Finding, VerifyReport } from '../rules/engine/types.js';
import {
  activeFindings,
  describeChecklistCoverage,
  describeFailOn,
  describeLocation,
  describeSetAside,
  describeSubject,
  describeTarget,
  formatScore,
  STATUS_LABEL,
  setAsideLabel,
} from './describe.js';
import { checklistColumns, DEFAULT_TABLE_WIDTH } from './table-columns.js';
import { DEFAULT_MAX_FINDINGS, findingsSection } from './table-findings.js';
import { lineRows } from './table-rows.js';

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
    if (r.error) {
      if (!opts.quiet)
        out.push(
          c.bold(
            `Environment ${r.environment.name} (preset ${r.environment.preset}, ${describeTarget(r.target ?? { context: '?', cluster: '' })})`,
          ),
          '',
        );
      out.push(resultLine(r, c), '');
      continue;
    }
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
    const where = r.target ? describeTarget(r.target) : `cluster ${env.cluster}`;
    out.push(c.bold(`Environment ${env.name} (preset ${env.preset}, ${where}; ${source})`), '');
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
  if (reports.some((r) => r.target) && reports.length > 1) out.push(...fleetLines(reports, c));
  return `${out.join('\n')}`;
}

/** A fleet run's last lines: one per cluster with its environment, result, score and counts. */
function fleetLines(reports: readonly VerifyReport[], c: ReturnType<typeof createColors>): string[] {
  const rows = reports.map((r) => {
    const k = r.summary.counts;
    const result = r.summary.result.toUpperCase().padEnd(5);
    const painted = r.summary.result === 'pass' ? c.green(result) : c.red(result);
    const detail = r.error
      ? r.error
      : `score ${formatScore(r.summary.score.overall)}, ${k.fail} failed, ${k.warn} warnings, ${k.unknown} unknown`;
    const where = r.target ? describeTarget(r.target) : `cluster ${r.environment.cluster}`;
    return `  ${painted} ${where}, environment ${r.environment.name}: ${detail}`;
  });
  return [c.bold(`Fleet (${reports.length} clusters)`), ...rows, ''];
}

function resultLine(r: VerifyReport, c: ReturnType<typeof createColors>): string {
  if (r.error) return c.red(c.bold(`Result: ERROR (the cluster could not be read: ${r.error})`));
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
  // Wrapped here, one table row per line (see lineRows): cli-table3 draws a multi-line cell in time quadratic in its length.
  const table = new Table({
    head,
    colWidths: widths,
    style: { head: opts.color ? ['cyan'] : [], border: opts.color ? ['grey'] : [] },
  });
  const rows = r.checklist.map((e) => {
    const how = e.note ? `${e.howVerified} (${e.note})` : e.howVerified;
    return [e.category, e.item, paint(e.status, STATUS_LABEL[e.status]), how, e.why].slice(0, head.length);
  });
  table.push(...(await lineRows(rows, widths, { wrapOnWordBoundary: true })));
  return table.toString();
}

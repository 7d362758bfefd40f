import type { Finding, VerifyReport } from '../rules/engine/types.js';
import {
  activeFindings,
  describeChecklistCoverage,
  describeFailOn,
  describeLocation,
  describeSubject,
  describeTarget,
  formatScore,
  reportLabel,
  STATUS_LABEL,
  setAsideLabel,
} from './describe.js';

const ICON = { pass: '✅', fail: '❌', warn: '⚠️', unknown: '❔', skip: '➖' } as const;

/** The report as Markdown, for pull-request comments and job summaries. */
export function renderMarkdownReport(reports: readonly VerifyReport[]): string {
  const out: string[] = [];
  if (reports.length > 1 && reports.some((r) => r.target)) out.push(...fleetTable(reports));
  for (const r of reports) {
    const env = r.environment;
    out.push(`# Slipway verify: ${reportLabel(r)}`, '');
    if (r.target) out.push(`Read from ${cell(describeTarget(r.target))}.`, '');
    if (r.error) {
      out.push(`Result: **ERROR**: the cluster could not be read: ${cell(r.error)}.`, '');
      continue;
    }
    out.push(
      `Preset **${env.preset}**, cluster \`${env.cluster}\`, thresholds ${env.thresholds === 'config' ? 'from the config' : 'of the prod preset (no config)'}. ` +
        `Result: **${r.summary.result.toUpperCase()}** (the run fails on ${describeFailOn(r.summary)}). Score: **${formatScore(r.summary.score.overall)}**.`,
      '',
      `Checklist items: ${describeChecklistCoverage(r.summary)}; ${r.summary.waived} findings waived, ${r.summary.suppressed - r.summary.waived} suppressed.`,
      '',
    );
    if (r.summary.nothingToVerify) out.push(`**Nothing to verify:** ${cell(r.summary.nothingToVerify)}.`, '');
    out.push(
      '## Checklist',
      '',
      '| Category | Item | Status | How verified | Why it matters |',
      '|---|---|---|---|---|',
    );
    for (const e of r.checklist) {
      const how = e.note ? `${e.howVerified} (${e.note})` : e.howVerified;
      out.push(
        `| ${cell(e.category)} | ${cell(e.item)} | ${ICON[e.status]} ${STATUS_LABEL[e.status]} | ${cell(how)} | ${cell(e.why)} |`,
      );
    }
    out.push('');
    const active = activeFindings(r.findings);
    out.push(`## Findings (${active.length})`, '');
    if (active.length) {
      out.push('| Status | Severity | Rule | Subject | Location | Message | Fix |', '|---|---|---|---|---|---|---|');
      for (const f of active) out.push(findingRow(f));
    } else {
      out.push('No findings.');
    }
    out.push('');
    const suppressed = r.findings.filter((f) => f.suppressed);
    if (suppressed.length) {
      out.push(
        `## Waived and suppressed (${suppressed.length})`,
        '',
        '| Rule | Subject | Status | By | Reason | Expires |',
        '|---|---|---|---|---|---|',
      );
      for (const f of suppressed) {
        const s = f.suppressed as NonNullable<Finding['suppressed']>;
        out.push(
          `| \`${f.ruleId}\` | ${cell(describeSubject(f.subject))} | ${setAsideLabel(s)} | ${s.by} \`${cell(s.key)}\` | ${cell(s.reason)} | ${s.expires ?? ''} |`,
        );
      }
      out.push('');
    }
    if (r.waivers.length) {
      out.push(
        `## Waivers and exemptions (${r.waivers.length})`,
        '',
        '| By | Key | Covers | Reason | Expires | Findings set aside |',
        '|---|---|---|---|---|---|',
      );
      for (const w of r.waivers) {
        out.push(
          `| ${w.by} | \`${cell(w.key)}\` | \`${cell(w.covers)}\` | ${cell(w.reason)} | ${w.expires ?? ''}${w.expired ? ' (expired)' : ''} | ${w.findings} |`,
        );
      }
      out.push('');
    }
    out.push('## Score', '', '| Category | Score |', '|---|---|');
    for (const [k, v] of Object.entries(r.summary.score.categories)) if (v !== null) out.push(`| ${k} | ${v} |`);
    out.push(`| **overall** | **${formatScore(r.summary.score.overall)}** |`, '');
  }
  return `${out.join('\n')}`;
}

/** A fleet run's overview: one row per cluster. */
function fleetTable(reports: readonly VerifyReport[]): string[] {
  const out = [
    '# Slipway verify: fleet',
    '',
    '| Context | Cluster | Environment | Result | Score | Failed | Warnings | Unknown |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of reports) {
    const k = r.summary.counts;
    const result = r.error ? `ERROR: ${cell(r.error)}` : r.summary.result.toUpperCase();
    out.push(
      `| ${cell(r.target?.context ?? '')} | ${cell(r.target?.cluster ?? r.environment.cluster)} | ${cell(r.environment.name)} | ${result} | ${formatScore(r.summary.score.overall)} | ${k.fail} | ${k.warn} | ${k.unknown} |`,
    );
  }
  out.push('');
  return out;
}

function findingRow(f: Finding): string {
  return `| ${ICON[f.status]} ${STATUS_LABEL[f.status]} | ${f.severity} | \`${f.ruleId}\` | ${cell(describeSubject(f.subject))} | ${cell(describeLocation(f.location))} | ${cell(f.message)} | ${cell(f.fix)} |`;
}

/** Text safe inside a table cell: pipes escaped, newlines folded. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

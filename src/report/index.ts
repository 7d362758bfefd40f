import type { VerifyReport } from '../rules/engine/types.js';
import { UsageError } from '../util/errors.js';

export const REPORT_FORMATS = ['table', 'json', 'yaml', 'sarif', 'junit', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  readonly color: boolean;
  readonly toolVersion: string;
  /** Table only: terminal width, findings listed one by one (0: all), quiet (failures and result only). */
  readonly width?: number;
  readonly maxFindings?: number;
  readonly quiet?: boolean;
  /** SARIF: the directory `%SRCROOT%` stands for; files under it are written relative to it. */
  readonly srcRoot?: string;
  /** SARIF: also list unknown results that have no file location (they are left out unless asked for or unknowns fail the run). */
  readonly unlocatedUnknowns?: boolean;
  /** JUnit: each rule's run time in milliseconds (from verify's `timings`). */
  readonly timings?: ReadonlyMap<string, number>;
  /** HTML: findings of one environment listed one by one up to this many, then grouped per rule (default 5,000; 0: all). */
  readonly htmlDetailLimit?: number;
  /** HTML: when findings are grouped per rule, the objects each rule names before it only counts the rest (default 100; 0: all). */
  readonly htmlObjectsPerRule?: number;
  /** HTML: a time to print on the page (the page has no clock of its own, so two runs give the same file). */
  readonly generatedAt?: string;
  /** Also write the HTML report to this file, whatever the format (`--report-file`). */
  readonly reportFile?: string;
}

/**
 * Renders verify reports in a format; each reporter is loaded only when used.
 * With `reportFile`, the HTML report is also written to that file.
 */
export async function renderReports(
  format: ReportFormat,
  reports: readonly VerifyReport[],
  opts: RenderOptions,
): Promise<string> {
  if (opts.reportFile) await writeHtmlReport(opts.reportFile, reports, opts);
  return renderFormat(format, reports, opts);
}

/** Writes the HTML report of `reports` to `file` (replacing it); the file is the same as `-o html` prints. */
export async function writeHtmlReport(
  file: string,
  reports: readonly VerifyReport[],
  opts: RenderOptions,
): Promise<void> {
  await writeReportFile(file, reports, opts, 'html');
}

/** File name endings and the format each picks for `--report-file`; the first that matches wins. */
export const REPORT_FILE_EXTENSIONS: readonly (readonly [string, ReportFormat])[] = [
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
  ['.yaml', 'yaml'],
  ['.yml', 'yaml'],
  ['.xml', 'junit'],
  ['.md', 'md'],
  ['.txt', 'table'],
];

/** The format a report file's name asks for (`report.html` → html, `verify.sarif` → sarif, `junit.xml` → junit). */
export function reportFormatOfFile(file: string): ReportFormat {
  const name = file.toLowerCase();
  const hit = REPORT_FILE_EXTENSIONS.find(([ext]) => name.endsWith(ext));
  if (!hit) {
    const known = REPORT_FILE_EXTENSIONS.map(([ext, f]) => `${ext} (${f})`).join(', ');
    throw new UsageError(`--report-file "${file}" has no report extension; name it with one of: ${known}`);
  }
  return hit[1];
}

/**
 * Writes the report of `reports` to `file` (replacing it) in `format`, by
 * default the one its name picks: the same text `-o <format>` prints, without
 * colour and not fitted to a terminal.
 */
export async function writeReportFile(
  file: string,
  reports: readonly VerifyReport[],
  opts: RenderOptions,
  format: ReportFormat = reportFormatOfFile(file),
): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  // JSON is written in chunks of about 1 MB, as `-o json` prints it: a large report is never one string.
  const text =
    format === 'json' ? undefined : await renderFormat(format, reports, { ...opts, color: false, width: undefined });
  try {
    if (text === undefined) {
      const { writeFileChunks } = await import('../util/write-chunks.js');
      await writeFileChunks(file, (await import('./json.js')).renderJsonReportChunks(reports));
    } else await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const what = format === 'html' ? 'HTML' : format;
    throw new UsageError(`cannot write the ${what} report to "${file}": ${why}; give a writable file path`);
  }
}

async function renderFormat(
  format: ReportFormat,
  reports: readonly VerifyReport[],
  opts: RenderOptions,
): Promise<string> {
  switch (format) {
    case 'html':
      return (await import('./html/verify-page.js')).renderHtmlReport(reports, {
        toolVersion: opts.toolVersion,
        ...(opts.generatedAt ? { generatedAt: opts.generatedAt } : {}),
        ...(opts.htmlDetailLimit !== undefined ? { detailLimit: opts.htmlDetailLimit } : {}),
        ...(opts.htmlObjectsPerRule !== undefined ? { objectsPerRule: opts.htmlObjectsPerRule } : {}),
      });
    case 'json':
      return (await import('./json.js')).renderJsonReport(reports);
    case 'yaml':
      return (await import('./yaml.js')).renderYamlReport(reports);
    case 'sarif':
      return (await import('./sarif.js')).renderSarifReport(reports, opts);
    case 'junit':
      return (await import('./junit.js')).renderJunitReport(reports, opts);
    case 'md':
      return (await import('./markdown.js')).renderMarkdownReport(reports);
    default:
      return (await import('./table.js')).renderTableReport(reports, opts);
  }
}

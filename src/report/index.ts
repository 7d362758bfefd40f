import type { VerifyReport } from '../rules/engine/types.js';

export const REPORT_FORMATS = ['table', 'json', 'yaml', 'sarif', 'junit', 'md'] as const;
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
}

/** Renders verify reports in a format; each reporter is loaded only when used. */
export async function renderReports(
  format: ReportFormat,
  reports: readonly VerifyReport[],
  opts: RenderOptions,
): Promise<string> {
  switch (format) {
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

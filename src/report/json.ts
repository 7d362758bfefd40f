import type { VerifyReport } from '../rules/engine/types.js';

/** The report as JSON (schemaVersion 1): one object, or an array when several environments were verified. */
export function renderJsonReport(reports: readonly VerifyReport[]): string {
  return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
}

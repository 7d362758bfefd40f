import type { VerifyReport } from '../rules/engine/types.js';
import { jsonChunks } from './json-chunks.js';

function reportValue(reports: readonly VerifyReport[]): unknown {
  return reports.length === 1 ? reports[0] : reports;
}

/** The report as JSON (schemaVersion 1): one object, or an array when several environments were verified. */
export function renderJsonReport(reports: readonly VerifyReport[]): string {
  return `${JSON.stringify(reportValue(reports), null, 2)}\n`;
}

/** `renderJsonReport` as chunks of about 1 MB, for writing a large report without holding it as one string. */
export function* renderJsonReportChunks(reports: readonly VerifyReport[]): Generator<string, void, undefined> {
  yield* jsonChunks(reportValue(reports));
  yield '\n';
}

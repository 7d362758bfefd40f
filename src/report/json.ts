import type { VerifyReport } from '../rules/engine/types.js';
import { asciiJson } from './ascii-json.js';

/**
 * The report as JSON (schemaVersion 1): one object, or an array when several environments were verified.
 * Characters beyond ASCII are `\u` escapes, so that a large report takes one byte per character (see asciiJson).
 */
export function renderJsonReport(reports: readonly VerifyReport[]): string {
  return `${asciiJson(reports.length === 1 ? reports[0] : reports)}\n`;
}

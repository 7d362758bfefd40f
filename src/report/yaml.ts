import type { VerifyReport } from '../rules/engine/types.js';

/** The JSON report's data (schemaVersion 1) as YAML: one document, a list when several environments were verified. */
export async function renderYamlReport(reports: readonly VerifyReport[]): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(reports.length === 1 ? reports[0] : reports, { lineWidth: 0, aliasDuplicateObjects: false });
}

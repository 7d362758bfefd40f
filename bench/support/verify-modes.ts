/**
 * The work the static-verify benchmarks time, one mode over one folder of
 * manifests: `parse` (js-yaml, the floor), `parse-schema` (the same parser with
 * Slipway's manifest schema), `parse-drop` (parse and keep nothing), `load`
 * (the inventory), `verify` (what the CLI runs: V8's batch tiering as the CLI sets
 * it, `runVerify` over the folder and the JSON report) and `verify-v8-defaults` (the same
 * work under V8's default tiering: inventory, every rule, the JSON report).
 * The modules load in `loadVerifyModes`, before any clock starts, so a figure
 * is the work and not tsx transpiling the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModeResult {
  readonly objects: number;
  readonly findings: number;
  readonly rules: number;
}

export const MODES = ['parse', 'parse-schema', 'parse-drop', 'load', 'verify', 'verify-v8-defaults'] as const;

export async function loadVerifyModes(project: string): Promise<(mode: string, dir: string) => Promise<ModeResult>> {
  const { loadAll } = await import('js-yaml');
  const { inventoryFromPaths } = await import('../../src/inventory/sources/static-inventory.js');
  const { verify } = await import('../../src/rules/engine/verify.js');
  const { loadRules } = await import('../../src/rules/engine/load-rules.js');
  const { defineConfig } = await import('../../src/config/load.js');
  const { renderJsonReport } = await import('../../src/report/json.js');
  const { runVerify } = await import('../../src/verify/run-verify.js');
  const { useBatchTiering } = await import('../../src/cli/batch-tiering.js');
  await import('../../src/verify/sources.js');
  const { MANIFEST_SCHEMA } = await import('../../src/inventory/sources/yaml-schema.js');
  const config = defineConfig({
    project,
    environments: { prod: { preset: 'prod', alarms: { email: [`oncall@${project}.example.com`] } } },
  });
  const env = config.environments.prod;
  const rules = await loadRules();

  /** Documents of every file of the folder, in name order; `keep` false counts them without keeping them. */
  function parse(dir: string, options: { schema?: boolean; keep: boolean }): number {
    const kept: unknown[] = [];
    let count = 0;
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const doc of options.schema ? loadAll(text, null, { schema: MANIFEST_SCHEMA }) : loadAll(text)) {
        if (!doc) continue;
        count++;
        if (options.keep) kept.push(doc);
      }
    }
    return count;
  }

  return async (mode, dir) => {
    const none = { findings: 0, rules: rules.length };
    if (mode === 'parse') return { objects: parse(dir, { keep: true }), ...none };
    if (mode === 'parse-schema') return { objects: parse(dir, { schema: true, keep: true }), ...none };
    if (mode === 'parse-drop') return { objects: parse(dir, { keep: false }), ...none };
    if (mode === 'verify') {
      useBatchTiering();
      const run = await runVerify({
        config,
        environments: ['prod'],
        source: { kind: 'files', paths: [dir] },
        rules,
        thresholds: 'default-prod-preset',
      });
      renderJsonReport(run.reports);
      const [report] = run.reports;
      return { objects: report.summary.inputs.kubeObjects, findings: report.findings.length, rules: rules.length };
    }
    const inventory = await inventoryFromPaths([dir]);
    if (mode === 'load') return { objects: inventory.kubeResources.length, ...none };
    if (mode !== 'verify-v8-defaults') throw new RangeError(`unknown mode "${mode}"; modes: ${MODES.join(', ')}`);
    const report = verify(inventory, { env, rules });
    renderJsonReport([report]);
    return { objects: inventory.kubeResources.length, findings: report.findings.length, rules: rules.length };
  };
}

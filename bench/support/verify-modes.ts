/**
 * The work the static-verify benchmarks time, one mode over one folder of
 * manifests: `parse` (js-yaml, the floor), `parse-schema` (the same parser with
 * Slipway's manifest schema), `parse-drop` (parse and keep nothing), `load`
 * (the inventory) and `verify` (inventory, every rule and the JSON report).
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

export async function loadVerifyModes(project: string): Promise<(mode: string, dir: string) => Promise<ModeResult>> {
  const { loadAll } = await import('js-yaml');
  const { inventoryFromPaths } = await import('../../src/inventory/sources/static-inventory.js');
  const { verify } = await import('../../src/rules/engine/verify.js');
  const { loadRules } = await import('../../src/rules/engine/load-rules.js');
  const { defineConfig } = await import('../../src/config/load.js');
  const { renderJsonReport } = await import('../../src/report/json.js');
  const { MANIFEST_SCHEMA } = await import('../../src/inventory/sources/yaml-schema.js');
  const env = defineConfig({
    project,
    environments: { prod: { preset: 'prod', alarms: { email: [`oncall@${project}.example.com`] } } },
  }).environments.prod;
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
    const inventory = await inventoryFromPaths([dir]);
    if (mode === 'load') return { objects: inventory.kubeResources.length, ...none };
    const report = verify(inventory, { env, rules });
    renderJsonReport([report]);
    return { objects: inventory.kubeResources.length, findings: report.findings.length, rules: rules.length };
  };
}

/**
 * Runs `verify` in process over one set of manifest texts, the way
 * `slipway verify <files> --env <env>` does without a config file (the
 * environment's preset thresholds), and returns what the selected rules report.
 */
import { parseAllDocuments } from 'yaml';
import { defineConfig } from '../../src/config/load.js';
import { THRESHOLDS_ONLY_WAIVERS } from '../../src/config/presets.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import type { Finding } from '../../src/rules/engine/types.js';
import { verify } from '../../src/rules/engine/verify.js';
import { RULES } from '../../src/rules/registry.js';

export type EnvName = 'test' | 'prod';

const envs = new Map<EnvName, EnvironmentConfig>();

/** The environment of a config-less run: the preset's thresholds, never deployed. */
export function presetEnv(name: EnvName): EnvironmentConfig {
  let env = envs.get(name);
  if (!env) {
    const config = defineConfig({
      project: 'accuracy',
      environments: { [name]: { preset: name, waivers: [...THRESHOLDS_ONLY_WAIVERS] } },
    });
    env = config.environments[name];
    envs.set(name, env);
  }
  return env;
}

/** A reported object (or container of one): kind/namespace/name[/container]. */
export interface Reported {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly container?: string;
  readonly ruleId: string;
  readonly status: Finding['status'];
  readonly severity: Finding['severity'];
  readonly message: string;
}

/**
 * Peer fixtures sometimes leave out metadata.name (their checks do not read it);
 * the API server, and Slipway's file source, refuse such objects. Each gets
 * `unnamed-<n>` so the check, not the missing name, decides the verdict.
 */
export function namedObjects(text: string): string {
  const docs = parseAllDocuments(text);
  let changed = false;
  docs.forEach((doc, i) => {
    const js = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (!js || typeof js.kind !== 'string' || typeof js.metadata?.name === 'string') return;
    doc.setIn(['metadata', 'name'], `unnamed-${i + 1}`);
    changed = true;
  });
  return changed ? docs.map((d) => d.toString()).join('---\n') : text;
}

/** Fail and warn findings of the rules (all rules when none are named) over the texts. */
export function reportedBy(
  texts: readonly { file: string; text: string }[],
  rules: readonly string[],
  envName: EnvName = 'prod',
): Reported[] {
  const inventory = inventoryFromTexts(texts.map((t) => ({ file: t.file, text: namedObjects(t.text) })));
  const report = verify(inventory, {
    env: presetEnv(envName),
    rules: RULES,
    include: rules.length ? rules : undefined,
  });
  const out: Reported[] = [];
  for (const f of report.findings) {
    if (f.status !== 'fail' && f.status !== 'warn') continue;
    if (f.suppressed) continue;
    const s = f.subject as { kind?: string; namespace?: string; name?: string; container?: string };
    out.push({
      kind: s.kind ?? '',
      namespace: s.namespace ?? '',
      name: s.name ?? '',
      container: s.container,
      ruleId: f.ruleId,
      status: f.status,
      severity: f.severity,
      message: f.message,
    });
  }
  return out;
}

/** Distinct objects among the reports: kind/namespace/name. */
export function reportedObjects(reports: readonly Reported[]): string[] {
  return [...new Set(reports.map((r) => `${r.kind}/${r.namespace}/${r.name}`))].sort();
}

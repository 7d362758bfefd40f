import { formatPath, isPlainObject, type ValuePath } from '../util/paths.js';
import { checkAppsAtLoad, checkAppsInEnvironment } from './app-cross-checks.js';
import { checkAppFloor } from './app-floor.js';
import { ConfigError, type ConfigIssue, type SourceLocation } from './errors.js';
import { type Layer, mergeLayers, type Origin, originOf, pathKey } from './merge.js';
import { PARSE_ONCE } from './parse-once.js';
import { PRESET_NAMES, PRESETS, type PresetName } from './presets.js';
import { checkProductionFloor } from './prod-floor.js';
import { resolveRegistryHomes } from './registry-home.js';
import { type ConfigFile, configFileSchema, environmentSettingsSchema, SETTINGS_KEYS } from './schema/file.js';
import { checkAppNamespaces, zonesOutsideRegion } from './system-namespaces.js';
import type { EnvironmentConfig, SlipwayConfig } from './types.js';
import { schemaProblems } from './zod-issues.js';

export interface ResolveOptions {
  readonly file?: string;
  /** Maps a config-file path to its position (from the YAML source). */
  readonly locate?: (path: ValuePath, opts?: { key?: boolean }) => SourceLocation | undefined;
}

/**
 * Validates a config value and resolves every environment. Collects all
 * problems (file structure, each environment's merged settings, the production
 * floor) and throws one ConfigError listing them.
 */
export function resolveConfig(data: unknown, options: ResolveOptions = {}): SlipwayConfig {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const add = (path: ValuePath, message: string, received: unknown, atKey = false) => {
    const id = `${pathKey(path)}|${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    issues.push({ path, message, received, location: options.locate?.(path, { key: atKey }) });
  };

  if (!isPlainObject(data)) {
    add([], `the top level must be a mapping of settings (project:, environments:, …), not ${kindOf(data)}`, undefined);
    throw new ConfigError(issues, options.file);
  }

  const parsed = configFileSchema.safeParse(data, { ...PARSE_ONCE, reportInput: true });
  if (!parsed.success) {
    for (const p of schemaProblems(configFileSchema, data, parsed.error.issues))
      add(p.path, p.message, p.received, p.atKey);
  }
  const file = parsed.success ? parsed.data : undefined;
  const project = typeof data.project === 'string' ? data.project : 'project';
  const rawEnvs = isPlainObject(data.environments) ? data.environments : {};

  if (file)
    for (const v of checkAppsAtLoad(file.apps, Object.keys(file.environments))) add(v.path, v.message, v.received);

  const environments: Record<string, EnvironmentConfig> = {};
  const provenance: Record<string, Map<string, Origin>> = {};
  const warnings: string[] = [];
  const homePaths = new Map<string, ValuePath>();

  for (const [envName, entry] of Object.entries(rawEnvs)) {
    if (!isPlainObject(entry) || !PRESET_NAMES.includes(entry.preset as PresetName)) continue;
    const preset = entry.preset as PresetName;
    const envPath = ['environments', envName];
    const merged = mergeLayers([
      { origin: 'preset', value: PRESETS[preset] as Record<string, unknown>, filePath: [...envPath, 'preset'] },
      { origin: 'project', value: pickSettings(data), filePath: [] },
      { origin: 'environment', value: pickSettings(entry), filePath: envPath },
    ]);
    const filePathOf = (path: ValuePath): ValuePath => {
      const layer: Layer | undefined = originOf(merged, path);
      if (!layer) return [...envPath, ...path];
      return layer.origin === 'preset' ? layer.filePath : [...layer.filePath, ...path];
    };
    const settings = environmentSettingsSchema.safeParse(merged.value, { ...PARSE_ONCE, reportInput: true });
    if (!settings.success) {
      for (const p of schemaProblems(environmentSettingsSchema, merged.value, settings.error.issues)) {
        add(filePathOf(p.path), p.message, p.received, p.atKey);
      }
      continue;
    }
    const s = settings.data;
    const waivers = file?.environments[envName]?.waivers ?? [];
    if (preset === 'prod') {
      const violations = checkProductionFloor(s);
      for (const v of violations) {
        if (waivers.some((w) => w.check === v.check)) continue;
        add(
          filePathOf(v.path),
          `${v.message}; set a compliant value, or waive it under environments.${envName}.waivers with { check: ${v.check}, reason: "…" }`,
          v.received,
        );
      }
      for (const w of waivers) {
        if (!violations.some((v) => v.check === w.check))
          warnings.push(`environments.${envName}.waivers: "${w.check}" is waived but the environment already meets it`);
      }
    }
    for (const i of zonesOutsideRegion(s.network.availabilityZones, s.region)) {
      const zone = s.network.availabilityZones?.[i];
      add(
        filePathOf(['network', 'availabilityZones', i]),
        `availability zone ${zone} is not in the region of environment ${envName} (${s.region}); use zones such as ${s.region}a`,
        zone,
      );
    }
    if (!file) continue;
    for (const v of [...checkAppFloor(file.apps, envName, s), ...checkAppsInEnvironment(file.apps, envName, s)])
      add(v.path, v.message, v.received);
    environments[envName] = {
      ...s,
      name: envName,
      project: file.project,
      preset,
      clusterName: s.cluster.name ?? `${project}-${envName}`,
      secretsPath: s.secrets.path ?? `EKS/${envName}`,
      availabilityZones:
        s.network.availabilityZones ??
        'abcdef'
          .slice(0, s.network.azCount)
          .split('')
          .map((l) => `${s.region}${l}`),
      apps: file.apps,
      waivers,
      contexts: file.environments[envName]?.contexts ?? [],
    };
    provenance[envName] = leafOrigins(s, merged);
    homePaths.set(envName, filePathOf(['registry', 'home']));
  }

  const registry = resolveRegistryHomes(
    Object.values(environments).map((e) => ({ name: e.name, preset: e.preset, settings: e })),
  );
  for (const p of registry.problems) add(homePaths.get(p.environment) ?? [], p.message, p.received);
  for (const [name, home] of registry.homes) environments[name] = { ...environments[name], registryHome: home };

  if (file) for (const v of checkAppNamespaces(file.apps, file.project)) add(v.path, v.message, v.received);
  if (file) for (const v of checkContextOwners(file.environments)) add(v.path, v.message, v.received);
  if (issues.length || !file) throw new ConfigError(issues, options.file);
  return { file: options.file, project: file.project, environments, provenance, warnings };
}

function pickSettings(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SETTINGS_KEYS) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function leafOrigins(value: unknown, merged: ReturnType<typeof mergeLayers>): Map<string, Origin> {
  const out = new Map<string, Origin>();
  const walk = (v: unknown, path: (string | number)[]) => {
    if (isPlainObject(v) && Object.keys(v).length > 0) {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
      return;
    }
    const layer = merged.origins.get(pathKey(path));
    out.set(formatPath(path), layer ? layer.origin : 'default');
  };
  walk(value, []);
  return out;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'an empty document';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v} (${JSON.stringify(v).slice(0, 40)})`;
}

export type { ConfigFile };

/** A kubeconfig context listed by two environments (or twice by one): each cluster is judged by one environment. */
function checkContextOwners(
  entries: Readonly<Record<string, { readonly contexts?: readonly string[] }>>,
): { path: ValuePath; message: string; received: unknown }[] {
  const owner = new Map<string, string>();
  const out: { path: ValuePath; message: string; received: unknown }[] = [];
  for (const [env, entry] of Object.entries(entries)) {
    (entry.contexts ?? []).forEach((context, i) => {
      const first = owner.get(context);
      if (first === undefined) owner.set(context, env);
      else
        out.push({
          path: ['environments', env, 'contexts', i],
          message: `kubeconfig context "${context}" is already listed under environments.${first}.contexts; a context belongs to one environment, so list it once`,
          received: context,
        });
    });
  }
  return out;
}

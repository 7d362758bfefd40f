import { ConfigError, type ConfigIssue } from '../../config/errors.js';
import { PARSE_ONCE } from '../../config/parse-once.js';
import type { Severity } from '../../config/schema/verify.js';
import type { EnvironmentConfig } from '../../config/types.js';
import { isPlainObject } from '../../util/paths.js';
import type { Rule } from '../types.js';

/** How a rule runs in an environment. */
export interface RuleSettings<P = unknown> {
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly params: P;
}

/**
 * A rule's settings: parameters are `meta.defaults(env)` overridden by
 * `verify.rules[id].params` and validated by `meta.params`; severity is the
 * config's, else the rule's for the environment's preset. Returns the issues
 * (positioned at the config path) instead of settings when parameters are invalid.
 */
export function ruleSettings<P>(
  rule: Rule<P>,
  env: EnvironmentConfig,
): { settings: RuleSettings<P>; issues?: undefined } | { settings?: undefined; issues: ConfigIssue[] } {
  const id = rule.meta.id;
  const configured = env.verify?.rules?.[id];
  const defaults = rule.meta.defaults(env);
  const overrides = configured?.params;
  const severity = configured?.severity ?? rule.meta.severity[env.preset === 'prod' ? 'prod' : 'test'];
  const enabled = configured?.enabled !== false;
  // A rule's own defaults satisfy its schema unchanged (the registry test checks every rule): only overrides need parsing.
  if (overrides === undefined) return { settings: { enabled, severity, params: defaults } };
  const merged = isPlainObject(defaults) ? { ...defaults, ...overrides } : overrides;
  const parsed = rule.meta.params.safeParse(merged, PARSE_ONCE);
  if (!parsed.success) {
    const base = ['environments', env.name, 'verify', 'rules', id, 'params'];
    return {
      issues: parsed.error.issues.map((i) => ({
        path: [...base, ...i.path.map((s) => (typeof s === 'symbol' ? String(s) : s))],
        message: `${i.message} (parameter of rule ${id}; set under verify.rules of the environment or the project)`,
        received: valueAt(merged, i.path),
      })),
    };
  }
  return { settings: { enabled, severity, params: parsed.data } };
}

/** Settings of every rule, or a ConfigError listing every invalid parameter. */
export function allRuleSettings(
  rules: readonly Rule[],
  env: EnvironmentConfig,
  file?: string,
): Map<string, RuleSettings> {
  const out = new Map<string, RuleSettings>();
  const issues: ConfigIssue[] = [];
  for (const rule of rules) {
    const r = ruleSettings(rule, env);
    if (r.issues) issues.push(...r.issues);
    else out.set(rule.meta.id, r.settings);
  }
  if (issues.length) throw new ConfigError(issues, file);
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

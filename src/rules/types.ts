import type { z } from 'zod';
import type { WaivableCheck } from '../config/schema/file.js';
import type { Severity } from '../config/schema/verify.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { AwsResource, KubeResource } from '../inventory/types.js';
import type { ValuePath } from '../util/paths.js';

/** Rule folders: the checklist's five categories, plus storage, workloads, cost and upgrade. */
export const RULE_CATEGORIES = [
  'infrastructure',
  'security',
  'reliability',
  'observability',
  'operations',
  'storage',
  'workloads',
  'cost',
  'upgrade',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/**
 * pass; fail; warn (worth a look, never fails the run by itself); skip (not
 * applicable); unknown (the source cannot show it, or access was denied —
 * never counts as pass).
 */
export type ResultStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'unknown';

export type KubeSubject = {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly container?: string;
};
export type AwsSubject = { readonly awsType: string; readonly id: string };
export type Subject = KubeSubject | AwsSubject;

/** Ids of the same check in other tools, where the meaning agrees. */
export interface Equivalents {
  readonly polaris?: readonly string[];
  readonly kubeScore?: readonly string[];
  readonly kubeLinter?: readonly string[];
  readonly kubescape?: readonly string[];
  readonly checkov?: readonly string[];
}

/** What a rule reports about one subject. */
export interface RuleResult {
  readonly status: ResultStatus;
  readonly subject: Subject;
  /** What was seen and what was expected. */
  readonly message: string;
  /** The object the result is about: gives the location (file:line or live) and suppressions. */
  readonly resource?: KubeResource | AwsResource;
  /** Field path inside the resource that the finding points at. */
  readonly path?: ValuePath;
}

export interface RuleContext {
  readonly env: EnvironmentConfig;
}

export interface RuleMeta<P> {
  /** `<category>.<name>`, such as `reliability.probes`. */
  readonly id: string;
  readonly title: string;
  readonly category: RuleCategory;
  /** Checklist item ids (src/rules/checklist.ts) this rule helps prove. */
  readonly checklist: readonly string[];
  /** The seed pitfall (1–7) this rule catches, if any. */
  readonly pitfall?: number;
  readonly severity: { readonly test: Severity; readonly prod: Severity };
  readonly why: string;
  readonly verified: string;
  readonly fix: string;
  readonly equivalents: Equivalents;
  /** Parameters (thresholds); values come from `defaults(env)` and config overrides, never literals in `check`. */
  readonly params: z.ZodType<P>;
  readonly defaults: (env: EnvironmentConfig) => P;
  /**
   * The prod-floor check of the config this rule enforces: the rule judges
   * against the floor, and an environment's waiver of the check marks its
   * findings "waived" (shown, counted, not failing) instead of hiding them.
   */
  readonly waivable?: WaivableCheck;
  /** Facts the rule reads: Kubernetes kinds and AWS CloudFormation types (drives live fetching and verifier access). */
  readonly needs: { readonly kube?: readonly string[]; readonly aws?: readonly string[] };
}

/** A rule: metadata plus a pure check over the inventory. */
export interface Rule<P = unknown> {
  readonly meta: RuleMeta<P>;
  check(inventory: Inventory, params: P, context: RuleContext): RuleResult[];
}

/** Declares a rule with its parameter type inferred from the schema. */
export function defineRule<S extends z.ZodType>(
  rule: Rule<z.infer<S>> & { meta: RuleMeta<z.infer<S>> & { params: S } },
): Rule<z.infer<S>> {
  return rule;
}

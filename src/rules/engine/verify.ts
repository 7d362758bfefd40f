import type { FailOn, Severity } from '../../config/schema/verify.js';
import { SEVERITIES } from '../../config/schema/verify.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { KubeResource } from '../../inventory/types.js';
import { type ResultStatus, RULE_CATEGORIES, type Rule, type RuleResult } from '../types.js';
import { evidenceOf, waiverRecords } from './audit.js';
import { checklistEntries, emptyCounts, type RuleOutcome } from './checklist-status.js';
import { type ExemptionState, exemptionStates, matchExemption } from './exemptions.js';
import { clean, cmp, compareFindings, kubeSubject, locationOf } from './finding-parts.js';
import { selected } from './glob.js';
import { locateFindings, type PendingLocation } from './locate-findings.js';
import { META_RULE_IDS, META_RULES } from './meta-rules.js';
import { type ScoredResult, ScoreTally } from './score.js';
import { allRuleSettings, type RuleSettings } from './settings.js';
import { type AnnotationSuppression, isExpired, isoDay, SUPPRESSION_PREFIX, suppressionsOf } from './suppressions.js';
import {
  type ChecklistCoverage,
  type ChecklistEntry,
  type Finding,
  type FindingLocation,
  META_CATEGORY,
  REPORT_SCHEMA_VERSION,
  type RuleInfo,
  type Suppression,
  type VerifyReport,
} from './types.js';
import { unreadNeeds, withUnreadNeeds } from './unread-needs.js';
import { matchWaiver, type WaiverState, waiverStates } from './waivers.js';

export interface VerifyOptions {
  readonly env: EnvironmentConfig;
  /** The rules to choose from (the registry). */
  readonly rules: readonly Rule[];
  /** Rule id globs to run (all when empty) and to leave out. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Lowest severity of a failure that fails the run (unknown: any failure or unknown); default env.verify.failOn. */
  readonly failOn?: FailOn;
  /** Today, for expiry dates. */
  readonly now?: Date;
  /** The config file, for positions of config problems. */
  readonly configFile?: string;
  /** Live with -n: only objects in this namespace count as something verified. */
  readonly namespace?: string;
  /** Where the environment's thresholds came from. */
  readonly thresholds?: 'config' | 'default-prod-preset';
  /** When given, each rule's run time in milliseconds is recorded here (JUnit's `time`); the report itself stays deterministic. */
  readonly timings?: Map<string, number>;
  /** The clock for `timings`, in milliseconds; default `performance.now`. */
  readonly clock?: () => number;
}

interface Ran {
  readonly rule: Rule;
  readonly settings: RuleSettings;
}

/** A finding's location until locateFindings gives it one (a finding without an object keeps it: no position). */
const UNLOCATED: FindingLocation = Object.freeze({});

function scoredEntries(category: string, severity: Severity): Record<ResultStatus, ScoredResult> {
  const entry = (status: ResultStatus): ScoredResult => ({ category, status, severity });
  return {
    pass: entry('pass'),
    fail: entry('fail'),
    warn: entry('warn'),
    unknown: entry('unknown'),
    skip: entry('skip'),
  };
}

/**
 * Runs the selected rules over an inventory and judges the environment:
 * findings (with positions, suppressions and exemptions applied), the
 * checklist, the score and whether the run fails. Never throws for a rule's
 * error (the rule reports `unknown`); throws ConfigError for invalid parameters.
 */
export function verify(inventory: Inventory, options: VerifyOptions): VerifyReport {
  const { env } = options;
  const today = isoDay(options.now ?? new Date());
  const failOn = options.failOn ?? env.verify?.failOn ?? 'high';
  const settings = allRuleSettings(options.rules, env, options.configFile);
  const allIds = options.rules.map((r) => r.meta.id);
  const clock = options.clock ?? (() => performance.now());

  // Suppressions live on objects; only objects with such an annotation are looked at twice.
  const suppressions = new Map<string, AnnotationSuppression[]>();
  const objects = inventory.kube();
  // Indexed loop: it runs once per object, before the JIT has optimised anything.
  for (let i = 0; i < objects.length; i++) {
    const r = objects[i];
    if (!mayHaveSuppression(r)) continue;
    const list = suppressionsOf(r, allIds);
    if (list.length) suppressions.set(r.id, list);
  }
  const exemptions = exemptionStates(env.verify?.exemptions ?? [], env.name, today);
  const waivers = waiverStates(env, today);

  const notRun = new Map<string, string>();
  const ran: Ran[] = [];
  const findings: Finding[] = [];
  const outcomes: RuleOutcome[] = [];
  const tally = new ScoreTally();
  const counts = emptyCounts();
  let suppressedCount = 0;
  const pending: PendingLocation[] = [];

  // Each rule's results are judged as soon as it ran: passes are counted and dropped, only findings are kept.
  for (const rule of [...options.rules].sort((a, b) => cmp(a.meta.id, b.meta.id))) {
    const s = settings.get(rule.meta.id) as RuleSettings;
    const chosen = selected(rule.meta.id, options.include, options.exclude);
    if (!chosen || !s.enabled) {
      const why = !chosen ? `rule ${rule.meta.id} not selected` : `rule ${rule.meta.id} disabled in the config`;
      for (const c of rule.meta.checklist) if (!notRun.has(c)) notRun.set(c, why);
      continue;
    }
    const unread = unreadNeeds(inventory, rule.meta.needs);
    const started = options.timings ? clock() : 0;
    const checked = runRule(rule, inventory, s, env);
    if (options.timings) options.timings.set(rule.meta.id, clock() - started);
    const results = unread.length ? withUnreadNeeds(checked, unread) : checked;
    ran.push({ rule, settings: s });
    const m = rule.meta;
    const ruleCounts = emptyCounts();
    // One scored entry per status for the whole rule (they only carry category, status and severity).
    const scoredAs = scoredEntries(m.category, s.severity);
    // Passes and skips (nearly all results) are only counted: plain counters, added up after the loop.
    let passes = 0;
    let skips = 0;
    for (let i = 0; i < results.length; i++) {
      const result = results[i];
      const raw = result.status;
      if (raw === 'pass') {
        passes++;
        continue;
      }
      if (raw === 'skip') {
        skips++;
        continue;
      }
      const status = findingStatus(raw);
      const suppressed =
        annotationSuppression(result, m.id, suppressions, today) ??
        matchExemption(exemptions, m.id, result) ??
        matchWaiver(waivers, m.waivable);
      if (suppressed) suppressedCount++;
      else {
        ruleCounts[status]++;
        counts[status]++;
      }
      // Positions are found after every rule ran, object by object (locateFindings); the key keeps its place.
      const finding: Finding & { location: FindingLocation } = {
        ruleId: m.id,
        category: m.category,
        status,
        severity: s.severity,
        subject: result.subject,
        location: result.resource ? UNLOCATED : {},
        message: result.message,
        fix: m.fix,
        checklist: m.checklist,
        // Only present when suppressed, so reports carry no `suppressed: undefined`.
        ...(suppressed ? { suppressed } : {}),
      };
      if (result.resource) pending.push({ finding, resource: result.resource, path: result.path });
      findings.push(finding);
    }
    ruleCounts.pass += passes;
    ruleCounts.skip += skips;
    counts.pass += passes;
    counts.skip += skips;
    // Every counted result of the rule is scored once.
    for (const status of RESULT_STATUSES) tally.add(scoredAs[status], ruleCounts[status]);
    outcomes.push({ id: m.id, checklist: m.checklist, counts: ruleCounts });
  }
  locateFindings(pending);
  const ranIds = new Set(ran.map((r) => r.rule.meta.id));

  findings.push(...metaFindings(inventory, suppressions, exemptions, waivers, ranIds, options, today));
  for (const f of findings) if (f.category === META_CATEGORY && !f.suppressed) counts[f.status]++;

  const failed = findings.some((f) => fails(f, failOn));
  findings.sort(compareFindings);

  const rules: RuleInfo[] = ran.map(({ rule, settings: s }) => ({
    id: rule.meta.id,
    title: rule.meta.title,
    category: rule.meta.category,
    severity: s.severity,
    why: rule.meta.why,
    verified: rule.meta.verified,
    fix: rule.meta.fix,
    checklist: rule.meta.checklist,
  }));
  const checklist = checklistEntries(outcomes, notRun);
  const evidence = evidenceOf(
    inventory,
    ran.map((r) => r.rule),
    options.namespace,
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    environment: {
      name: env.name,
      preset: env.preset,
      cluster: env.clusterName,
      thresholds: options.thresholds ?? 'config',
    },
    summary: {
      result: failed ? 'fail' : 'pass',
      failOn,
      counts,
      suppressed: suppressedCount,
      waived: findings.filter((f) => f.suppressed?.by === 'waiver').length,
      checklist: checklistCoverage(checklist),
      evidence: evidence.count,
      ...(evidence.count === 0 && ran.length > 0 ? { nothingToVerify: evidence.searched } : {}),
      score: tally.score(RULE_CATEGORIES),
      rulesRun: ran.length,
      inputs: {
        kubeObjects: inventory.kubeResources.length,
        awsResources: inventory.awsResources.length,
        problems: inventory.problems.length,
      },
      mode: inventory.coverage.mode,
      notes: [...inventory.coverage.notes],
    },
    checklist,
    findings,
    waivers: waiverRecords(findings, exemptions, waivers),
    rules: [...rules, ...META_RULES],
  };
}

/** Whether a finding fails the run: an unsuppressed failure at or above failOn; with failOn unknown, any failure or unknown. */
function fails(f: Finding, failOn: FailOn): boolean {
  if (f.suppressed) return false;
  if (failOn === 'unknown') return f.status === 'fail' || f.status === 'unknown';
  return f.status === 'fail' && SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(failOn);
}

function checklistCoverage(entries: readonly ChecklistEntry[]): ChecklistCoverage {
  const n = (s: ChecklistEntry['status']) => entries.filter((e) => e.status === s).length;
  return { proved: n('pass'), failed: n('fail'), warned: n('warn'), unknown: n('unknown'), notApplicable: n('skip') };
}

function runRule(rule: Rule, inventory: Inventory, s: RuleSettings, env: EnvironmentConfig): RuleResult[] {
  try {
    const results = rule.check(inventory, s.params, { env });
    if (!Array.isArray(results)) throw new Error(`check() returned ${typeof results}, expected an array of results`);
    return results;
  } catch (e) {
    return [
      {
        status: 'unknown',
        subject: { kind: 'Rule', name: rule.meta.id },
        message: `the rule could not run: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
}

const RESULT_STATUSES: readonly ResultStatus[] = ['pass', 'fail', 'warn', 'unknown', 'skip'];

/** A result that is neither a pass nor a skip: fail or warn as it says, anything else unknown. */
function findingStatus(s: ResultStatus): 'fail' | 'warn' | 'unknown' {
  return s === 'fail' || s === 'warn' ? s : 'unknown';
}

/** Whether an annotations object has an own key with the suppression prefix. */
function hasSuppressionKey(a: unknown): boolean {
  if (a === null || typeof a !== 'object') return false;
  for (const k in a) if (k.startsWith(SUPPRESSION_PREFIX) && Object.hasOwn(a, k)) return true;
  return false;
}

function mayHaveSuppression(r: KubeResource): boolean {
  const has = hasSuppressionKey;
  if (has(r.object.metadata.annotations)) return true;
  // Pod templates (any depth a workload keeps them at) are checked through the object's spec.
  const spec = r.object.spec as Record<string, unknown> | undefined;
  if (!spec) return false;
  const tpl = (spec.template ?? (spec.jobTemplate as { spec?: { template?: unknown } } | undefined)?.spec?.template) as
    | { metadata?: { annotations?: unknown } }
    | undefined;
  return has(tpl?.metadata?.annotations);
}

function annotationSuppression(
  result: RuleResult,
  ruleId: string,
  suppressions: ReadonlyMap<string, AnnotationSuppression[]>,
  today: string,
): Suppression | undefined {
  const res = result.resource;
  // Most runs carry no suppression annotation at all: then no object's id is even built.
  if (suppressions.size === 0 || !res || !('object' in res)) return undefined;
  const list = suppressions.get(res.id);
  if (!list) return undefined;
  const container = 'kind' in result.subject ? result.subject.container : undefined;
  const match = list.find(
    (s) =>
      !s.invalid &&
      s.ruleId === ruleId &&
      !isExpired(s.expires, today) &&
      (s.container === undefined || s.container === container),
  );
  if (!match) return undefined;
  match.used = true;
  return {
    by: 'annotation',
    reason: match.reason as string,
    key: match.key,
    ...(match.expires ? { expires: match.expires } : {}),
  };
}

/** The engine's own findings: unreadable inputs, and suppressions or exemptions that are invalid, expired or unused. */
function metaFindings(
  inventory: Inventory,
  suppressions: ReadonlyMap<string, AnnotationSuppression[]>,
  exemptions: readonly ExemptionState[],
  waivers: readonly WaiverState[],
  ranIds: ReadonlySet<string>,
  options: VerifyOptions,
  today: string,
): Finding[] {
  const info = new Map(META_RULES.map((r) => [r.id, r]));
  const out: Finding[] = [];
  const add = (id: string, status: Finding['status'], f: Pick<Finding, 'subject' | 'location' | 'message'>) => {
    if (options.exclude?.length && !selected(id, undefined, options.exclude)) return;
    const m = info.get(id) as RuleInfo;
    out.push({ ruleId: id, category: META_CATEGORY, status, severity: m.severity, fix: m.fix, checklist: [], ...f });
  };
  for (const p of inventory.problems) {
    add(META_RULE_IDS.input, 'fail', {
      subject: { kind: 'File', name: p.file },
      location: clean({ file: p.file, line: p.line, column: p.column }),
      message: p.message,
    });
  }
  for (const list of suppressions.values()) {
    for (const s of list) {
      const subject = kubeSubject(s.resource, s.container);
      const location = locationOf(s.resource, { path: s.path });
      if (s.invalid) {
        add(META_RULE_IDS.suppressionInvalid, 'warn', {
          subject,
          location,
          message: `annotation ${s.key} does not suppress anything: ${s.invalid}`,
        });
      } else if (isExpired(s.expires, today)) {
        add(META_RULE_IDS.suppressionExpired, 'warn', {
          subject,
          location,
          message: `annotation ${s.key} expired on ${s.expires}; the findings it suppressed count again`,
        });
      } else if (!s.used && s.ruleId && ranIds.has(s.ruleId)) {
        add(META_RULE_IDS.suppressionUnused, 'warn', {
          subject,
          location,
          message: `annotation ${s.key} suppresses nothing: rule ${s.ruleId} found no problem${s.container ? ` in container ${s.container}` : ''} here`,
        });
      }
    }
  }
  const configLocation = clean({ file: options.configFile });
  for (const e of exemptions) {
    const subject = { kind: 'Exemption', name: e.path };
    if (e.expired) {
      add(META_RULE_IDS.exemptionExpired, 'warn', {
        subject,
        location: configLocation,
        message: `exemption of ${e.exemption.rule} expired on ${e.exemption.expires}; the findings it covered count again`,
      });
    } else if (!e.used && [...ranIds].some((id) => e.matchesRule(id))) {
      add(META_RULE_IDS.exemptionUnused, 'warn', {
        subject,
        location: configLocation,
        message: `exemption of ${e.exemption.rule}${describeScope(e.exemption)} matches no finding`,
      });
    }
  }
  for (const w of waivers) {
    if (!w.expired) continue;
    add(META_RULE_IDS.waiverExpired, 'warn', {
      subject: { kind: 'Waiver', name: w.path },
      location: configLocation,
      message: `waiver of ${w.waiver.check} expired on ${w.waiver.expires}; the production floor applies again`,
    });
  }
  return out;
}

function describeScope(e: { kind?: string; namespace?: string; name?: string }): string {
  const parts = [e.kind && `kind ${e.kind}`, e.namespace && `namespace ${e.namespace}`, e.name && `name ${e.name}`];
  const s = parts.filter(Boolean).join(', ');
  return s ? ` (${s})` : '';
}

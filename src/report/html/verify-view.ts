import type { Severity } from '../../config/schema/verify.js';
import { CHECKLIST_CATEGORIES } from '../../rules/checklist.js';
import { ruleDocsUrl } from '../../rules/docs-anchor.js';
import type { ChecklistStatus, Finding, VerifyReport, WaiverRecord } from '../../rules/engine/types.js';
import {
  activeFindings,
  cmp,
  describeChecklistCoverage,
  describeFailOn,
  describeLocation,
  describeSubject,
  reportLabel,
  setAsideLabel,
} from '../describe.js';
import type { Tally } from './charts.js';

/** Findings of one environment listed one by one up to this many; beyond it they collapse per rule. */
export const DEFAULT_HTML_DETAIL_LIMIT = 5000;

/** Collapsed per rule, each rule names this many of its objects (in name order) and counts the rest. */
export const DEFAULT_HTML_OBJECTS_PER_RULE = 100;

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

/** The verify report as the HTML page shows it: plain data, every string still unescaped. */
export interface HtmlReportView {
  readonly title: string;
  readonly toolVersion: string;
  readonly generatedAt?: string;
  /** One row per environment or cluster; shown as a table when there is more than one. */
  readonly fleet: readonly FleetRow[];
  readonly environments: readonly EnvironmentView[];
  /** Categories with findings, for the filter. */
  readonly categories: readonly string[];
  /** Clusters findings were seen in (live); empty for files, and then no cluster column or filter appears. */
  readonly clusters: readonly string[];
}

export interface FleetRow {
  readonly anchor: string;
  /** The environment's name; in a fleet run the context with it (`prod-eu (prod)`). */
  readonly environment: string;
  readonly cluster: string;
  /** Fleet runs: the kubeconfig context and, when the cluster could not be read, why. */
  readonly context?: string;
  readonly error?: string;
  readonly mode: string;
  readonly result: 'pass' | 'fail' | 'error';
  readonly score: number | null;
  readonly counts: Tally;
}

export interface EnvironmentView extends FleetRow {
  readonly preset: string;
  readonly failOn: string;
  readonly thresholds: string;
  readonly coverage: string;
  readonly nothingToVerify?: string;
  readonly notes: readonly string[];
  /** Per checklist category: items by verdict and the category's score. */
  readonly charts: readonly { readonly category: string; readonly score: number | null; readonly items: Tally }[];
  readonly checklist: readonly ChecklistRow[];
  /** Findings that count, by category then by object; `collapsed` when over the detail limit. */
  readonly findings: {
    readonly total: number;
    readonly collapsed: boolean;
    readonly categories: readonly CategoryFindings[];
  };
  readonly setAside: readonly SetAsideRow[];
  readonly waivers: readonly WaiverRecord[];
}

export interface ChecklistRow {
  readonly category: string;
  readonly item: string;
  readonly status: ChecklistStatus;
  readonly howVerified: string;
  readonly note?: string;
  readonly rules: readonly string[];
}

export interface FindingRow {
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly docs: string;
  readonly status: Finding['status'];
  readonly severity: Severity;
  readonly subject: string;
  readonly location: string;
  readonly cluster?: string;
  readonly message: string;
  readonly fix: string;
}

export interface ObjectFindings {
  readonly subject: string;
  readonly rows: readonly FindingRow[];
}

/** All findings of one rule and status, for a collapsed listing: the objects and where they are. */
export interface RuleFindings {
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly docs: string;
  readonly status: Finding['status'];
  readonly severity: Severity;
  readonly fix: string;
  readonly example: string;
  /** How many objects the rule found; `objects` names the first of them. */
  readonly count: number;
  readonly objects: readonly { readonly subject: string; readonly location: string; readonly cluster?: string }[];
}

export interface CategoryFindings {
  readonly category: string;
  readonly counts: Tally;
  readonly objects: readonly ObjectFindings[];
  readonly rules: readonly RuleFindings[];
}

export interface SetAsideRow {
  readonly ruleId: string;
  readonly docs: string;
  readonly subject: string;
  readonly location: string;
  readonly cluster?: string;
  readonly status: Finding['status'];
  readonly label: 'waived' | 'suppressed';
  readonly by: string;
  readonly key: string;
  readonly reason: string;
  readonly expires?: string;
}

export interface HtmlViewOptions {
  readonly toolVersion: string;
  /** Shown only when given: the page carries no clock of its own. */
  readonly generatedAt?: string;
  readonly detailLimit?: number;
  readonly objectsPerRule?: number;
}

const STATUS_RANK: Readonly<Record<Finding['status'], number>> = { fail: 0, unknown: 1, warn: 2 };

export function buildHtmlView(reports: readonly VerifyReport[], opts: HtmlViewOptions): HtmlReportView {
  const limits = {
    detail: opts.detailLimit ?? DEFAULT_HTML_DETAIL_LIMIT,
    perRule: opts.objectsPerRule ?? DEFAULT_HTML_OBJECTS_PER_RULE,
  };
  const environments = reports.map((r, i) => environmentView(r, i, limits));
  const categories = new Set<string>();
  const clusters = new Set<string>();
  for (const r of reports)
    for (const f of r.findings) {
      if (!f.suppressed) categories.add(f.category);
      if (f.location.cluster) clusters.add(f.location.cluster);
    }
  const names = reports.map((r) => reportLabel(r));
  return {
    title: `Slipway verify: ${names.length ? names.join(', ') : 'no environment'}`,
    toolVersion: opts.toolVersion,
    ...(opts.generatedAt ? { generatedAt: opts.generatedAt } : {}),
    fleet: environments.map(({ anchor, environment, cluster, context, error, mode, result, score, counts }) => ({
      anchor,
      environment,
      cluster,
      ...(context !== undefined ? { context } : {}),
      ...(error !== undefined ? { error } : {}),
      mode,
      result,
      score,
      counts,
    })),
    environments,
    categories: [...categories].sort(cmp),
    clusters: [...clusters].sort(cmp),
  };
}

interface Limits {
  readonly detail: number;
  readonly perRule: number;
}

function environmentView(r: VerifyReport, index: number, limits: Limits): EnvironmentView {
  const titles = new Map(r.rules.map((x) => [x.id, x]));
  const active = activeFindings(r.findings);
  const c = r.summary.counts;
  return {
    anchor: `env-${index + 1}`,
    environment: reportLabel(r),
    cluster: r.target?.cluster || r.environment.cluster,
    ...(r.target ? { context: r.target.context } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    mode: r.summary.mode,
    result: r.summary.result,
    score: r.summary.score.overall,
    counts: { fail: c.fail, warn: c.warn, unknown: c.unknown, pass: c.pass },
    preset: r.environment.preset,
    failOn: describeFailOn(r.summary),
    thresholds: r.environment.thresholds === 'config' ? 'from the config' : 'of the prod preset (no config)',
    coverage: describeChecklistCoverage(r.summary),
    ...(r.summary.nothingToVerify ? { nothingToVerify: r.summary.nothingToVerify } : {}),
    notes: r.summary.notes,
    charts: CHECKLIST_CATEGORIES.map((category) => {
      const items: Record<string, number> = {};
      for (const e of r.checklist) if (e.category === category) items[e.status] = (items[e.status] ?? 0) + 1;
      return { category, score: r.summary.score.categories[category] ?? null, items };
    }),
    checklist: r.checklist.map((e) => ({
      category: e.category,
      item: e.item,
      status: e.status,
      howVerified: e.howVerified,
      ...(e.note ? { note: e.note } : {}),
      rules: e.rules,
    })),
    findings: groupFindings(active, titles, limits),
    setAside: r.findings
      .filter((f) => f.suppressed)
      .map((f) => {
        const s = f.suppressed as NonNullable<Finding['suppressed']>;
        return {
          ruleId: f.ruleId,
          docs: ruleDocsUrl(f.ruleId),
          subject: describeSubject(f.subject),
          location: describeLocation(f.location),
          ...(f.location.cluster ? { cluster: f.location.cluster } : {}),
          status: f.status,
          label: setAsideLabel(s),
          by: s.by,
          key: s.key,
          reason: s.reason,
          ...(s.expires ? { expires: s.expires } : {}),
        };
      }),
    waivers: r.waivers,
  };
}

function groupFindings(
  active: readonly Finding[],
  rules: ReadonlyMap<string, { readonly title: string; readonly fix: string }>,
  limits: Limits,
): EnvironmentView['findings'] {
  const collapsed = limits.detail > 0 && active.length > limits.detail;
  const byCategory = new Map<string, Finding[]>();
  for (const f of active) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const categories = [...byCategory.keys()].sort(cmp).map((category) => {
    const list = byCategory.get(category) ?? [];
    const counts: Record<string, number> = {};
    for (const f of list) counts[f.status] = (counts[f.status] ?? 0) + 1;
    return {
      category,
      counts,
      objects: collapsed ? [] : byObject(list, rules),
      rules: collapsed ? byRule(list, rules, limits.perRule) : [],
    };
  });
  return { total: active.length, collapsed, categories };
}

function row(f: Finding, rules: ReadonlyMap<string, { readonly title: string }>): FindingRow {
  return {
    ruleId: f.ruleId,
    ruleTitle: rules.get(f.ruleId)?.title ?? f.ruleId,
    docs: ruleDocsUrl(f.ruleId),
    status: f.status,
    severity: f.severity,
    subject: describeSubject(f.subject),
    location: describeLocation(f.location),
    ...(f.location.cluster ? { cluster: f.location.cluster } : {}),
    message: f.message,
    fix: f.fix,
  };
}

/** Objects in name order; each object's findings worst first (status, then severity, then rule). */
function byObject(list: readonly Finding[], rules: ReadonlyMap<string, { readonly title: string }>): ObjectFindings[] {
  const groups = new Map<string, FindingRow[]>();
  for (const f of list) {
    const r = row(f, rules);
    const key = r.cluster ? `${r.cluster}\u0000${r.subject}` : r.subject;
    const g = groups.get(key) ?? [];
    g.push(r);
    groups.set(key, g);
  }
  return [...groups.keys()].sort(cmp).map((key) => {
    const rows = (groups.get(key) ?? []).sort(worstFirst);
    return { subject: rows[0].cluster ? `${rows[0].subject} in ${rows[0].cluster}` : rows[0].subject, rows };
  });
}

function worstFirst(a: FindingRow, b: FindingRow): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.location, b.location) ||
    cmp(a.message, b.message)
  );
}

/** One entry per rule and status, worst first, with the first `perRule` objects it was found on (0: all) and the count. */
function byRule(
  list: readonly Finding[],
  rules: ReadonlyMap<string, { readonly title: string; readonly fix: string }>,
  perRule: number,
): RuleFindings[] {
  const groups = new Map<string, Finding[]>();
  for (const f of list) {
    const key = `${f.ruleId}\u0000${f.status}`;
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  const out = [...groups.values()].map((g) => {
    const first = g[0];
    const objects = g
      .map((f) => ({
        subject: describeSubject(f.subject),
        location: describeLocation(f.location),
        ...(f.location.cluster ? { cluster: f.location.cluster } : {}),
      }))
      .sort((a, b) => cmp(a.subject, b.subject) || cmp(a.location, b.location))
      .slice(0, perRule > 0 ? perRule : undefined);
    return {
      ruleId: first.ruleId,
      ruleTitle: rules.get(first.ruleId)?.title ?? first.ruleId,
      docs: ruleDocsUrl(first.ruleId),
      status: first.status,
      severity: g.reduce((s, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s] ? f.severity : s), first.severity),
      fix: rules.get(first.ruleId)?.fix ?? first.fix,
      example: first.message,
      count: g.length,
      objects,
    };
  });
  return out.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      cmp(a.ruleId, b.ruleId),
  );
}

import type { FailOn, Severity } from '../../config/schema/verify.js';
import type { SourceRef } from '../../inventory/types.js';
import type { ChecklistCategory } from '../checklist.js';
import type { ResultStatus, RuleCategory, Subject } from '../types.js';

/** Version of the report's JSON shape; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

/** Where a finding is: a position in a file, or the live cluster/account it was seen in. */
export type FindingLocation = SourceRef;

/** Why a finding does not count: an annotation on the object, an exemption in the config, or a prod-floor waiver. */
export interface Suppression {
  readonly by: 'annotation' | 'exemption' | 'waiver';
  readonly reason: string;
  readonly expires?: string;
  /** The annotation key, or the config path of the exemption. */
  readonly key: string;
}

/** Category of the engine's own checks (inputs, suppressions, exemptions, rule errors). */
export const META_CATEGORY = 'slipway';
export type FindingCategory = RuleCategory | typeof META_CATEGORY;

/** One thing a rule found that is not a pass: fail, warn or unknown. */
export interface Finding {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly status: Exclude<ResultStatus, 'pass' | 'skip'>;
  readonly severity: Severity;
  readonly subject: Subject;
  readonly location: FindingLocation;
  readonly message: string;
  readonly fix: string;
  /** Checklist items the rule proves. */
  readonly checklist: readonly string[];
  /** Present when the finding is suppressed: it is shown but does not count. */
  readonly suppressed?: Suppression;
}

export type ChecklistStatus = 'pass' | 'fail' | 'warn' | 'unknown' | 'skip';

export interface StatusCounts {
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
  skip: number;
}

/** One item of the seed's checklist, with the verdict of the rules that prove it. */
export interface ChecklistEntry {
  readonly id: string;
  readonly category: ChecklistCategory;
  readonly item: string;
  readonly status: ChecklistStatus;
  readonly howVerified: string;
  readonly why: string;
  /** Rules that ran for this item. */
  readonly rules: readonly string[];
  readonly counts: StatusCounts;
  /** Why the status is unknown or skip, when it is. */
  readonly note?: string;
}

/** What a rule is, for reporters (SARIF's rule list, help text). */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly why: string;
  readonly verified: string;
  readonly fix: string;
  readonly checklist: readonly string[];
}

export interface Score {
  /** 0–100, or null when nothing was scored. */
  readonly overall: number | null;
  readonly categories: Readonly<Record<string, number | null>>;
}

export interface VerifySummary {
  /**
   * `fail` when a finding at or above failOn counts (with failOn unknown, any
   * failure or unknown); `error` when the cluster of a fleet run could not be
   * read (the report's `error` says why, and it holds no verdicts).
   */
  readonly result: 'pass' | 'fail' | 'error';
  readonly failOn: FailOn;
  /** The checklist items by verdict: proved (pass), failed, warned, unknown, not applicable (skip). */
  readonly checklist: ChecklistCoverage;
  /** Kubernetes objects and AWS resources of the kinds the rules that ran read. */
  readonly evidence: number;
  /** Set when the inputs held nothing of the kinds the selected rules read: what was searched for. */
  readonly nothingToVerify?: string;
  /** Findings set aside by a prod-floor waiver (also counted in `suppressed`). */
  readonly waived: number;
  /** Results by status, suppressed ones excluded (counted in `suppressed`). */
  readonly counts: StatusCounts;
  readonly suppressed: number;
  readonly score: Score;
  readonly rulesRun: number;
  readonly inputs: { readonly kubeObjects: number; readonly awsResources: number; readonly problems: number };
  readonly mode: 'static' | 'live' | 'dump';
  /** Notes from the sources (documents skipped, …). */
  readonly notes: readonly string[];
}

export interface ChecklistCoverage {
  readonly proved: number;
  readonly failed: number;
  readonly warned: number;
  readonly unknown: number;
  readonly notApplicable: number;
}

export interface ReportEnvironment {
  readonly name: string;
  readonly preset: string;
  readonly cluster: string;
  /** Where the thresholds came from: the config file, or the built-in prod preset. */
  readonly thresholds: 'config' | 'default-prod-preset';
}

/** The cluster a fleet run read a report from: one kubeconfig context. */
export interface ReportTarget {
  /** The kubeconfig context. */
  readonly context: string;
  /** The kubeconfig cluster the context points at ('' when the context is not in the kubeconfig). */
  readonly cluster: string;
  /** The API server URL, credentials redacted. */
  readonly server?: string;
}

/** A waiver, exemption or suppression annotation in effect, for auditors: what it sets aside and why. */
export interface WaiverRecord {
  readonly by: Suppression['by'];
  /** The config path or the annotation key (with its object). */
  readonly key: string;
  readonly reason: string;
  readonly expires?: string;
  /** The rule (or rule glob, or prod-floor check) it covers. */
  readonly covers: string;
  /** Findings it set aside in this run. */
  readonly findings: number;
  /** Past its expiry: no longer applied. */
  readonly expired: boolean;
}

/** The result of one verify run over one environment. */
export interface VerifyReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly environment: ReportEnvironment;
  readonly summary: VerifySummary;
  readonly checklist: readonly ChecklistEntry[];
  readonly findings: readonly Finding[];
  /** Every waiver, exemption and used suppression annotation, whether or not it set anything aside. */
  readonly waivers: readonly WaiverRecord[];
  readonly rules: readonly RuleInfo[];
  /** Fleet runs: the context and cluster this report was read from. */
  readonly target?: ReportTarget;
  /** Fleet runs: why the cluster could not be read (summary.result is then `error`). */
  readonly error?: string;
}

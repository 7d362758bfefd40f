import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { FailOn, Severity } from '../config/schema/verify.js';
import { ruleDocsUrl } from '../rules/docs-anchor.js';
import type { Finding, FindingLocation, RuleInfo, VerifyReport } from '../rules/engine/types.js';
import { describeSubject, describeTarget, setAsideLabel } from './describe.js';

export interface SarifOptions {
  /** Slipway's version, for tool.driver.version. */
  readonly toolVersion: string;
  /** The directory `%SRCROOT%` stands for (the CLI passes its working directory); files under it are relative to it. */
  readonly srcRoot?: string;
  /** List unknown results that have no file location too; by default they are left out unless unknowns fail the run. */
  readonly unlocatedUnknowns?: boolean;
}

/** The base every relative artifact URI is resolved against (GitHub code scanning maps it to the checkout). */
const SRCROOT = '%SRCROOT%';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/slipway-dev/slipway';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning's numeric severity scale (0–10), as a string. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/**
 * SARIF 2.1.0: one run per environment. Rules (with help text) are listed in
 * tool.driver.rules; each finding is a result with its file, line and column
 * (or a logical location for live facts); suppressed findings carry a suppression.
 */
export function renderSarifReport(reports: readonly VerifyReport[], opts: SarifOptions): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: reports.map((r) => sarifRun(r, opts)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRun(r: VerifyReport, opts: SarifOptions) {
  const rules = [...r.rules];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    tool: {
      driver: {
        name: 'slipway',
        version: opts.toolVersion,
        informationUri: INFORMATION_URI,
        rules: rules.map(sarifRule),
      },
    },
    automationDetails: {
      id: r.target
        ? `slipway-verify/${r.environment.name}/${r.target.context}/`
        : `slipway-verify/${r.environment.name}/`,
    },
    // A cluster that could not be read: the run did not execute, and says why.
    ...(r.error
      ? {
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [
                { level: 'error', message: { text: `${r.target ? `${describeTarget(r.target)}: ` : ''}${r.error}` } },
              ],
            },
          ],
        }
      : {}),
    columnKind: 'utf16CodeUnits',
    ...(opts.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(opts.srcRoot) } } } : {}),
    results: sarifResults(r, index, opts),
    properties: {
      environment: r.environment.name,
      ...(r.target ? { context: r.target.context, cluster: r.target.cluster } : {}),
      ...(r.target?.server ? { server: r.target.server } : {}),
      ...(r.error ? { error: r.error } : {}),
      preset: r.environment.preset,
      result: r.summary.result,
      failOn: r.summary.failOn,
      score: r.summary.score.overall,
      checklist: r.summary.checklist,
      waived: r.summary.waived,
      suppressed: r.summary.suppressed - r.summary.waived,
      waivers: r.waivers,
      ...(r.summary.nothingToVerify ? { nothingToVerify: r.summary.nothingToVerify } : {}),
    },
  };
}

function sarifRule(rule: RuleInfo) {
  const markdown = `**Why it matters:** ${rule.why}\n\n**How it is verified:** ${rule.verified}\n\n**How to fix:** ${rule.fix}`;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: `${rule.why}. How it is verified: ${rule.verified}. How to fix: ${rule.fix}`, markdown },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      category: rule.category,
      severity: rule.severity,
      checklist: [...rule.checklist],
      tags: [rule.category, ...(rule.category === 'security' ? ['security'] : [])].filter(
        (t, i, a) => a.indexOf(t) === i,
      ),
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

/**
 * A failure is an error and a warning a warning. An unknown is an open
 * question (kind open, which SARIF allows only with level none) unless the run
 * fails on unknowns (--fail-on unknown): then it blocks the run like a
 * failure, so it is kind fail, level error, and a code-scanning UI shows it.
 */
function kindAndLevel(f: Finding, failOn: FailOn): { kind: 'fail' | 'open'; level: 'error' | 'warning' | 'none' } {
  if (f.status === 'unknown')
    return failOn === 'unknown' ? { kind: 'fail', level: 'error' } : { kind: 'open', level: 'none' };
  return { kind: 'fail', level: f.status === 'fail' ? 'error' : f.status === 'warn' ? 'warning' : 'none' };
}

/**
 * The results of a run. Each carries a fingerprint of its own: rule, object,
 * file, line and message, so two findings of one rule on one object stay two
 * alerts; findings identical in all of these are numbered in report order.
 */
function sarifResults(r: VerifyReport, index: ReadonlyMap<string, number>, opts: SarifOptions) {
  const failOn = r.summary.failOn;
  const seen = new Map<string, number>();
  const out: ReturnType<typeof sarifResult>[] = [];
  for (const f of r.findings) {
    if (f.status === 'unknown' && !f.location.file && failOn !== 'unknown' && !opts.unlocatedUnknowns) continue;
    const base = fingerprintOf(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push(sarifResult(f, index.get(f.ruleId), failOn, n === 1 ? base : `${base}:${n}`, opts.srcRoot));
  }
  return out;
}

/** A stable hash of what makes a finding distinct (not its status or severity, which change as it is fixed). */
function fingerprintOf(f: Finding): string {
  const l = f.location;
  const key = [f.ruleId, logicalName(f), l.file ?? '', l.cluster ?? '', l.account ?? '', l.region ?? '', f.message];
  // A context is part of what makes a finding distinct only in fleet runs, so single-cluster fingerprints stay as they were.
  if (l.context) key.push(l.context);
  return createHash('sha256').update(key.join('\u0000')).digest('hex').slice(0, 32);
}

function sarifResult(
  f: Finding,
  ruleIndex: number | undefined,
  failOn: FailOn,
  fingerprint: string,
  srcRoot: string | undefined,
) {
  const subject = describeSubject(f.subject);
  const physical = physicalLocation(f.location, srcRoot);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    ...kindAndLevel(f, failOn),
    message: { text: `${where(f.location)}${subject}: ${f.message}` },
    locations: [
      {
        ...(physical ? { physicalLocation: physical } : {}),
        logicalLocations: [{ name: subject, fullyQualifiedName: logicalName(f), kind: 'object' }],
      },
    ],
    partialFingerprints: { 'slipwayFinding/v2': fingerprint },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: f.suppressed.by === 'annotation' ? 'inSource' : 'external',
              status: 'accepted',
              justification: f.suppressed.reason,
              properties: {
                status: setAsideLabel(f.suppressed),
                by: f.suppressed.by,
                key: f.suppressed.key,
                ...(f.suppressed.expires ? { expires: f.suppressed.expires } : {}),
              },
            },
          ],
        }
      : {}),
    properties: {
      severity: f.severity,
      status: f.status,
      category: f.category,
      fix: f.fix,
      ...(f.location.context ? { context: f.location.context, cluster: f.location.cluster ?? '' } : {}),
    },
  };
}

/** `[context prod-eu, cluster prod-eks] ` before a fleet finding's message; '' otherwise. */
function where(l: FindingLocation): string {
  return l.context ? `[context ${l.context}${l.cluster ? `, cluster ${l.cluster}` : ''}] ` : '';
}

function physicalLocation(l: FindingLocation, srcRoot: string | undefined) {
  if (!l.file) return undefined;
  const region =
    l.line !== undefined ? { startLine: l.line, ...(l.column ? { startColumn: l.column } : {}) } : undefined;
  return { artifactLocation: artifactLocation(l.file, srcRoot), ...(region ? { region } : {}) };
}

/** A file under the source root (or already relative) is a URI relative to `%SRCROOT%`; any other stays absolute. */
function artifactLocation(file: string, srcRoot: string | undefined): { uri: string; uriBaseId?: string } {
  let path = file;
  if (srcRoot && isAbsolute(file)) {
    const rel = relative(srcRoot, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) path = rel.split(sep).join('/');
  }
  if (file === '<stdin>') return { uri: fileUri(file) };
  return isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)
    ? { uri: fileUri(path) }
    : { uri: fileUri(path), uriBaseId: SRCROOT };
}

/** The source root as a `file://` URI ending in a slash, as SARIF requires of a base. */
function directoryUri(dir: string): string {
  const uri = fileUri(dir.endsWith('/') || dir.endsWith('\\') ? dir : `${dir}/`);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** A relative path stays a relative URI reference; an absolute one becomes a file:// URI. */
export function fileUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encodeURI(p)}`;
  if (p.startsWith('/')) return `file://${encodeURI(p)}`;
  return encodeURI(p).replace(/[?#]/g, encodeURIComponent);
}

function logicalName(f: Finding): string {
  const s = f.subject;
  if ('awsType' in s) return `${s.awsType}/${s.id}`;
  return [s.kind, s.namespace ?? '', s.name, s.container ?? ''].join('/');
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

import type { Finding, VerifyReport } from '../rules/engine/types.js';
import { describeLocation, describeSetAside, describeSubject, describeTarget } from './describe.js';

export interface JunitOptions {
  /** Each rule's run time in milliseconds; without it every time is 0. */
  readonly timings?: ReadonlyMap<string, number>;
}

/**
 * JUnit XML for CI systems: a testsuite per environment and category (in a
 * fleet run, one per cluster; a cluster that could not be read is a suite
 * with one testcase in <error>), a testcase per rule and subject. A counting failure is a <failure>; a warning or
 * unknown is a passing testcase with its message in <system-out> (a <failure>
 * with --fail-on unknown); a waived or suppressed finding is <skipped>. Rules that passed everywhere appear as one passing testcase.
 * Testcase names are unique within a suite (a location, then a number, tells
 * two findings of one rule on one object apart), and every testcase and suite
 * has a `time`: the rule's run time shared among its testcases.
 */
export function renderJunitReport(reports: readonly VerifyReport[], opts: JunitOptions = {}): string {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let skipped = 0;
  let totalSeconds = 0;
  let errors = 0;
  for (const r of reports) {
    if (r.error) {
      // A cluster that could not be read: one suite with one testcase in error.
      const name = r.target ? describeTarget(r.target) : r.environment.name;
      total++;
      errors++;
      suites.push(
        `  <testsuite name="${attr(suiteName(r, ''))}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
        `    <testcase classname="${attr(classPrefix(r))}" name="${attr(`read ${name}`)}" time="0.000"><error message="${attr(r.error)}" type="unreachable">${text_(r.error)}</error></testcase>`,
        '  </testsuite>',
      );
      continue;
    }
    // A fleet run's report is one suite per cluster; otherwise one per environment and category.
    const cluster = r.target ? { cases: [] as string[], failures: 0, skipped: 0, seconds: 0 } : undefined;
    const byCategory = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const list = byCategory.get(f.category);
      if (list) list.push(f);
      else byCategory.set(f.category, [f]);
    }
    const failedRules = new Set(r.findings.map((f) => f.ruleId));
    for (const rule of r.rules) {
      if (failedRules.has(rule.id) || rule.category === 'slipway') continue;
      if (!byCategory.has(rule.category)) byCategory.set(rule.category, []);
    }
    const casesOfRule = new Map<string, number>();
    for (const f of r.findings) casesOfRule.set(f.ruleId, (casesOfRule.get(f.ruleId) ?? 0) + 1);
    const secondsOf = (ruleId: string) => (opts.timings?.get(ruleId) ?? 0) / 1000 / (casesOfRule.get(ruleId) ?? 1);
    const categories = [...byCategory.keys()].sort();
    const clusterNames = new UniqueNames();
    for (const category of categories) {
      const findings = byCategory.get(category) as Finding[];
      const cases: string[] = [];
      const names = cluster ? clusterNames : new UniqueNames();
      let suiteFailures = 0;
      let suiteSkipped = 0;
      let suiteSeconds = 0;
      for (const f of findings) {
        const where = describeLocation(f.location);
        const name = names.take(`${f.ruleId} ${describeSubject(f.subject)}`, where);
        const seconds = secondsOf(f.ruleId);
        suiteSeconds += seconds;
        const text = `${f.message}${where ? `\nat ${where}` : ''}\nfix: ${f.fix}`;
        let body: string;
        if (f.suppressed) {
          body = `<skipped message="${attr(describeSetAside(f.suppressed))}"/>`;
          suiteSkipped++;
        } else if (f.status === 'fail' || (f.status === 'unknown' && r.summary.failOn === 'unknown')) {
          body = `<failure message="${attr(f.message)}" type="${attr(`${f.severity}`)}">${text_(text)}</failure>`;
          suiteFailures++;
        } else {
          body = `<system-out>${text_(`${f.status.toUpperCase()}: ${text}`)}</system-out>`;
        }
        cases.push(
          `    <testcase classname="${attr(`${classPrefix(r)}.${category}`)}" name="${attr(name)}" time="${time(seconds)}"${f.location.file ? ` file="${attr(f.location.file)}"` : ''}${f.location.line ? ` line="${f.location.line}"` : ''}>${body}</testcase>`,
        );
      }
      for (const rule of r.rules) {
        if (rule.category !== category || failedRules.has(rule.id) || rule.category === 'slipway') continue;
        const seconds = secondsOf(rule.id);
        suiteSeconds += seconds;
        cases.push(
          `    <testcase classname="${attr(`${classPrefix(r)}.${category}`)}" name="${attr(names.take(`${rule.id} ${rule.title}`, ''))}" time="${time(seconds)}"/>`,
        );
      }
      total += cases.length;
      failures += suiteFailures;
      skipped += suiteSkipped;
      totalSeconds += suiteSeconds;
      if (cluster) {
        cluster.cases.push(...cases);
        cluster.failures += suiteFailures;
        cluster.skipped += suiteSkipped;
        cluster.seconds += suiteSeconds;
        continue;
      }
      suites.push(
        `  <testsuite name="${attr(suiteName(r, category))}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="${time(suiteSeconds)}">`,
        ...cases,
        '  </testsuite>',
      );
    }
    if (cluster) {
      suites.push(
        `  <testsuite name="${attr(suiteName(r, ''))}" tests="${cluster.cases.length}" failures="${cluster.failures}" errors="0" skipped="${cluster.skipped}" time="${time(cluster.seconds)}">`,
        ...cluster.cases,
        '  </testsuite>',
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="slipway verify" tests="${total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time(totalSeconds)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** `prod/security`; in a fleet run one suite per cluster, `prod-eu (cluster prod-eks)`. */
function suiteName(r: VerifyReport, category: string): string {
  if (r.target)
    return `${r.target.context} (${r.target.cluster ? `cluster ${r.target.cluster}, ` : ''}${r.environment.name})`;
  return `${r.environment.name}/${category}`;
}

/** The classname before the category: the environment, and in a fleet run the context too. */
function classPrefix(r: VerifyReport): string {
  return r.target ? `${r.target.context}.${r.environment.name}` : r.environment.name;
}

/** Seconds with millisecond precision, as JUnit readers expect. */
function time(seconds: number): string {
  return seconds.toFixed(3);
}

/** Names unique within a suite: the plain name, then with its location, then numbered. */
class UniqueNames {
  private readonly used = new Set<string>();

  take(name: string, where: string): string {
    const candidates = where ? [name, `${name} at ${where}`] : [name];
    for (const c of candidates) if (!this.used.has(c)) return this.claim(c);
    const base = candidates[candidates.length - 1];
    for (let n = 2; ; n++) if (!this.used.has(`${base} (${n})`)) return this.claim(`${base} (${n})`);
  }

  private claim(name: string): string {
    this.used.add(name);
    return name;
  }
}

/** Removes characters XML 1.0 cannot hold at all. */
function xmlSafe(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the control characters XML forbids
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function attr(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}

function text_(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * kube-linter: each bats test of e2etests/bats-tests.sh lints one fixture of
 * tests/checks/ with `--include <check>` and asserts the reports it expects
 * ("<Kind>[ name]: <message>") and their count. The cases of a check are the
 * kinds its fixture holds: Slipway agrees on a kind when it reports as many
 * units of it as kube-linter does (containers when kube-linter's messages name
 * containers, objects otherwise). Tests that need a --config are skipped, and so
 * are kinds that do not exist on EKS (OpenShift's DeploymentConfig and SCCs).
 */
import { parseAllDocuments } from 'yaml';
import { answering, type Mapping, newRow, type Row, showFile } from './peers.js';
import { type EnvName, type Reported, reportedBy } from './slipway-run.js';

interface BatsTest {
  readonly check: string;
  readonly file: string;
  readonly messages: readonly string[];
  readonly count?: number;
  readonly config: boolean;
}

const NOT_ON_EKS = new Set(['DeploymentConfig', 'SecurityContextConstraints']);

export function parseBats(text: string): BatsTest[] {
  const tests: BatsTest[] = [];
  for (const block of text.split(/^@test "/m).slice(1)) {
    const file = /tmp="([^"]+)"/.exec(block)?.[1];
    const check = /--include (\S+)/.exec(block)?.[1];
    if (!file || !check) continue;
    const messages = [...block.matchAll(/\[\[ "\$\{message\d+\}" (?:==|=~) "((?:[^"\\]|\\.)*)" \]\]/g)].map((m) =>
      m[1].replace(/\\(.)/g, '$1'),
    );
    const count = /\$\{count\}" == "(\d+)"/.exec(block)?.[1];
    tests.push({ check, file, messages, count: count ? Number(count) : undefined, config: /--config /.test(block) });
  }
  return tests;
}

function kindOf(message: string): string {
  return /^([A-Za-z]+)[ :]/.exec(message)?.[1] ?? '';
}

function fixtureKinds(text: string): string[] {
  const kinds = new Set<string>();
  for (const doc of parseAllDocuments(text)) {
    const kind = (doc.toJS() as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string') kinds.add(kind);
  }
  return [...kinds].sort();
}

function units(reports: readonly Reported[], kind: string, perContainer: boolean): string[] {
  const out = new Set<string>();
  for (const r of reports) {
    if (r.kind !== kind) continue;
    out.add(`${r.namespace}/${r.name}${perContainer ? `/${r.container ?? ''}` : ''}`);
  }
  return [...out].sort();
}

export function kubeLinterRows(dir: string, mapping: Mapping, env: EnvName): Row[] {
  const tests = new Map(parseBats(showFile(dir, 'e2etests/bats-tests.sh')).map((t) => [t.check, t]));
  const rows: Row[] = [];
  for (const [check, m] of Object.entries(mapping.kubeLinter)) {
    const row = newRow('kube-linter', check, m);
    rows.push(row);
    const t = tests.get(check);
    if (!t) {
      row.skips.push('no bats test lints this check on its own');
      continue;
    }
    if (t.config) {
      row.skips.push('the bats test needs a kube-linter --config');
      continue;
    }
    const text = showFile(dir, t.file);
    const reports = answering(reportedBy([{ file: t.file, text }], m.rules, env), m);
    const perContainer = t.messages.some((msg) => /container "?[a-z0-9]/.test(msg));
    const expectedByKind = new Map<string, number>();
    for (const msg of t.messages) expectedByKind.set(kindOf(msg), (expectedByKind.get(kindOf(msg)) ?? 0) + 1);
    if (t.count !== undefined && t.count !== t.messages.length) {
      // The messages quote only some of the reports: each kind they name is a case, agreed when Slipway reports it.
      for (const kind of [...expectedByKind.keys()].sort()) {
        if (NOT_ON_EKS.has(kind)) {
          row.skipped++;
          row.skips.push(`${kind}: an OpenShift kind, not on EKS`);
          continue;
        }
        row.cases++;
        if (units(reports, kind, perContainer).length > 0) row.agree++;
        else row.divergent.push(`${kind}: kube-linter reports it (${t.count} reports in all), Slipway does not`);
      }
      continue;
    }
    for (const kind of fixtureKinds(text)) {
      const expected = expectedByKind.get(kind) ?? 0;
      if (NOT_ON_EKS.has(kind)) {
        row.skipped++;
        row.skips.push(`${kind}: an OpenShift kind, not on EKS`);
        continue;
      }
      const ours = units(reports, kind, perContainer);
      row.cases++;
      if (ours.length === expected) row.agree++;
      else {
        const seen = reports
          .filter((r) => r.kind === kind)
          .map((r) => `${r.ruleId} ${r.status} ${r.name}${r.container ? `/${r.container}` : ''}: ${r.message}`)
          .join(' | ');
        const want = t.messages.filter((msg) => kindOf(msg) === kind).join(' | ');
        row.divergent.push(
          `${kind}: kube-linter ${expected} (${want || 'none'}), Slipway ${ours.length} (${seen || 'none'})`,
        );
      }
    }
  }
  return rows;
}

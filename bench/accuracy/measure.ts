/**
 * Measures how often `slipway verify` agrees with other checkers on their own
 * test fixtures, for the checks mapped in bench/accuracy/mapping.json.
 *
 *   npm run build && npx tsx bench/accuracy/measure.ts \
 *     --polaris <polaris git dir> --kube-linter <kube-linter git dir>
 *
 * (or POLARIS_GIT / KUBE_LINTER_GIT). Fixtures are read from the git
 * directories with `git show` into a temporary folder and never kept.
 * Polaris: every file under test/checks/<check>/ is a failure.* or a
 * success.* case, so each file is one verdict. kube-linter: each bats test in
 * e2etests/bats-tests.sh names a fixture and the number of reports expected;
 * the verdict agrees when Slipway reports as many objects (fail or warn).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

interface Mapped {
  readonly rules: readonly string[];
  readonly meaning: 'same' | 'different';
  readonly why?: string;
}
type Mapping = Record<'kubeLinter' | 'polaris' | 'kubeScore', Record<string, Mapped>>;

const ROOT = resolve(import.meta.dirname, '../..');
const mapping = JSON.parse(readFileSync(join(ROOT, 'bench/accuracy/mapping.json'), 'utf8')) as Mapping;

function arg(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : process.env[env];
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Objects Slipway reports (fail or warn) for the rules over one file. */
function reported(file: string, rules: readonly string[]): string[] {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/slipway.js'), 'verify', '--env', 'prod', '--include', rules.join(','), '--output', 'json', file],
    { encoding: 'utf8', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } },
  );
  if (!run.stdout.trim().startsWith('{')) throw new Error(`verify failed on ${file}: ${run.stderr.trim()}`);
  const report = JSON.parse(run.stdout) as {
    findings: { status: string; subject: { kind?: string; namespace?: string; name?: string } }[];
  };
  const subjects = new Set<string>();
  for (const f of report.findings) {
    if (f.status === 'fail' || f.status === 'warn')
      subjects.add(`${f.subject.kind}/${f.subject.namespace ?? ''}/${f.subject.name}`);
  }
  return [...subjects].sort();
}

interface Row {
  peer: string;
  check: string;
  meaning: string;
  cases: number;
  agree: number;
  divergent: string[];
}

function polaris(dir: string, tmp: string): Row[] {
  const files = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'test/checks/').trim().split('\n');
  const rows: Row[] = [];
  for (const [check, m] of Object.entries(mapping.polaris)) {
    const row: Row = { peer: 'Polaris', check, meaning: m.meaning, cases: 0, agree: 0, divergent: [] };
    for (const path of files.filter((f) => f.startsWith(`test/checks/${check}/`))) {
      const name = basename(path);
      const expected = name.startsWith('failure');
      if (!expected && !name.startsWith('success')) continue;
      const local = join(tmp, `${check}-${name}`);
      writeFileSync(local, git(dir, 'show', `HEAD:${path}`));
      const ours = reported(local, m.rules).length > 0;
      row.cases++;
      if (ours === expected) row.agree++;
      else
        row.divergent.push(`${name}: Polaris ${expected ? 'fails' : 'passes'}, Slipway ${ours ? 'reports' : 'passes'}`);
    }
    rows.push(row);
  }
  return rows;
}

function kubeLinter(dir: string, tmp: string): Row[] {
  const bats = git(dir, 'show', 'HEAD:e2etests/bats-tests.sh');
  const tests = new Map<string, { file: string; count: number }>();
  for (const block of bats.split('@test "').slice(1)) {
    const name = block.slice(0, block.indexOf('"'));
    const file = /tmp="([^"]+)"/.exec(block)?.[1];
    const count = /\$\{count\}" == "(\d+)"/.exec(block)?.[1] ?? (/"\$status" -eq 0/.test(block) ? '0' : undefined);
    if (file && count !== undefined) tests.set(name, { file, count: Number(count) });
  }
  const rows: Row[] = [];
  for (const [check, m] of Object.entries(mapping.kubeLinter)) {
    const row: Row = { peer: 'kube-linter', check, meaning: m.meaning, cases: 0, agree: 0, divergent: [] };
    const t = tests.get(check);
    if (t) {
      const local = join(tmp, `kl-${basename(t.file)}`);
      writeFileSync(local, git(dir, 'show', `HEAD:${t.file}`));
      const ours = reported(local, m.rules);
      row.cases = 1;
      if (ours.length === t.count) row.agree = 1;
      else
        row.divergent.push(
          `kube-linter expects ${t.count} reports, Slipway reports ${ours.length}: ${ours.join(', ') || 'none'}`,
        );
    }
    rows.push(row);
  }
  return rows;
}

const tmp = mkdtempSync(join(tmpdir(), 'slipway-accuracy-'));
try {
  const rows: Row[] = [];
  const p = arg('--polaris', 'POLARIS_GIT');
  const k = arg('--kube-linter', 'KUBE_LINTER_GIT');
  if (p) rows.push(...polaris(p, tmp));
  if (k) rows.push(...kubeLinter(k, tmp));
  console.log('| peer | check | meaning | cases | agree | % |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) {
    const pct = r.cases ? `${Math.round((100 * r.agree) / r.cases)}` : '-';
    console.log(`| ${r.peer} | ${r.check} | ${r.meaning} | ${r.cases} | ${r.agree} | ${pct} |`);
  }
  for (const peer of [...new Set(rows.map((r) => r.peer))]) {
    const same = rows.filter((r) => r.peer === peer && r.meaning === 'same');
    const cases = same.reduce((a, r) => a + r.cases, 0);
    const agree = same.reduce((a, r) => a + r.agree, 0);
    console.log(`\n${peer}, same meaning: ${agree}/${cases} (${cases ? ((100 * agree) / cases).toFixed(1) : '-'}%)`);
  }
  console.log('\nDivergences:');
  for (const r of rows) for (const d of r.divergent) console.log(`- ${r.peer} ${r.check}: ${d}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

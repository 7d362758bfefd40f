/**
 * Measures how often `slipway verify` agrees with other checkers on their own
 * test fixtures, for the checks mapped in bench/accuracy/mapping.json.
 *
 *   npx tsx bench/accuracy/measure.ts --polaris <git dir> --kube-score <git dir> \
 *     --kube-linter <git dir> [--env prod|test]
 *
 * (or POLARIS_GIT / KUBE_SCORE_GIT / KUBE_LINTER_GIT). The fixtures are read
 * from the git directories with `git show` and never written into this
 * repository; verify runs in process over them, from the sources (no build
 * needed), with the preset thresholds of the environment (prod by default), as
 * `slipway verify <files> --env prod` does without a config file. How each
 * peer's verdicts are read: polaris.ts, kube-score.ts, kube-linter.ts.
 */
import { kubeLinterRows } from './kube-linter.js';
import { kubeScoreRows } from './kube-score.js';
import { headCommit, listFiles, loadMapping, type Row } from './peers.js';
import { polarisRows } from './polaris.js';
import type { EnvName } from './slipway-run.js';

function arg(name: string, env?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : env ? process.env[env] : undefined;
}

const envName = (arg('--env') ?? 'prod') as EnvName;
if (envName !== 'prod' && envName !== 'test') {
  throw new Error(`--env "${envName}" is not an environment preset; use prod or test`);
}
const mapping = loadMapping();
const rows: Row[] = [];
const sources: string[] = [];
const p = arg('--polaris', 'POLARIS_GIT');
const s = arg('--kube-score', 'KUBE_SCORE_GIT');
const k = arg('--kube-linter', 'KUBE_LINTER_GIT');
if (!p && !s && !k) {
  throw new Error('no peer given: pass --polaris, --kube-score and/or --kube-linter with a git directory of each');
}
if (p) {
  sources.push(`Polaris ${headCommit(p)}`);
  rows.push(...polarisRows(p, mapping, envName));
}
if (s) {
  sources.push(`kube-score ${headCommit(s)}`);
  const tests = listFiles(s, 'score/').filter((f) => /^score\/[^/]+_test\.go$/.test(f));
  rows.push(...kubeScoreRows(s, mapping, envName, tests));
}
if (k) {
  sources.push(`kube-linter ${headCommit(k)}`);
  rows.push(...kubeLinterRows(k, mapping, envName));
}

const pct = (agree: number, cases: number) => (cases ? ((100 * agree) / cases).toFixed(1) : '-');
console.log(`env ${envName}; ${sources.join('; ')}\n`);
console.log('| peer | check | meaning | cases | agree | % | skipped |');
console.log('|---|---|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.peer} | ${r.check} | ${r.meaning} | ${r.cases} | ${r.agree} | ${pct(r.agree, r.cases)} | ${r.skipped} |`,
  );
}
console.log('');
for (const peer of [...new Set(rows.map((r) => r.peer))]) {
  for (const meaning of ['same', 'different'] as const) {
    const of = rows.filter((r) => r.peer === peer && r.meaning === meaning);
    const cases = of.reduce((a, r) => a + r.cases, 0);
    const agree = of.reduce((a, r) => a + r.agree, 0);
    const skipped = of.reduce((a, r) => a + r.skipped, 0);
    console.log(`${peer}, ${meaning} meaning: ${agree}/${cases} (${pct(agree, cases)}%), ${skipped} skipped`);
  }
}
console.log('\nDivergences:');
for (const r of rows) for (const d of r.divergent) console.log(`- ${r.peer} ${r.check} (${r.meaning}): ${d}`);
if (process.argv.includes('--skips')) {
  console.log('\nSkipped:');
  for (const r of rows) for (const d of r.skips) console.log(`- ${r.peer} ${r.check}: ${d}`);
}

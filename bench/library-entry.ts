/**
 * What a library user pays for `slipway/verify`: the time to import it (in a
 * fresh process, N runs, against a bare `import('node:fs')` baseline) and the time
 * and files `tsc` needs to type-check a short script that uses it.
 * Run: npm run build && npx tsx bench/library-entry.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tscArgs, VERIFY_SCRIPT } from '../test/support/verify-script.js';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 11);

/** A project that depends on slipway: node_modules/slipway is this checkout (as npm link would make it). */
const project = mkdtempSync(join(tmpdir(), 'slipway-library-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'slipway'));

function importMs(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = median(Array.from({ length: runs }, () => importMs('node:fs')));
const verify = median(Array.from({ length: runs }, () => importMs('slipway/verify')));
const config = median(Array.from({ length: runs }, () => importMs('slipway')));

writeFileSync(join(project, 'check.ts'), VERIFY_SCRIPT);
const files = spawnSync(process.execPath, tscArgs(root, 'check.ts', ['--listFilesOnly']), {
  cwd: project,
  encoding: 'utf8',
})
  .stdout.split('\n')
  .filter(Boolean).length;
const start = process.hrtime.bigint();
const check = spawnSync(process.execPath, tscArgs(root, 'check.ts'), { cwd: project, encoding: 'utf8' });
const tscMs = Number(process.hrtime.bigint() - start) / 1e6;
if (check.status !== 0) throw new Error(`tsc failed: ${check.stdout}${check.stderr}`);

console.log(`node ${process.version}, ${runs} runs each, medians`);
console.log(`import('node:fs') baseline: ${baseline.toFixed(0)} ms`);
console.log(`import('slipway'):          ${config.toFixed(0)} ms`);
console.log(`import('slipway/verify'):   ${verify.toFixed(0)} ms`);
console.log(`tsc --noEmit on a 5-line slipway/verify script: ${(tscMs / 1000).toFixed(2)} s, ${files} files`);

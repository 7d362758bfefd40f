/**
 * Cold start of `slipway --help`: spawns the built binary N times and reports
 * the median and spread. Run: npm run build && npx tsx bench/cli-startup.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'slipway.js');
const runs = Number(process.argv[2] ?? 21);

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`slipway ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), min: s[0], max: s[s.length - 1] };
}

const baseline = stats(
  Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }),
);
const help = stats(Array.from({ length: runs }, () => time(['--help'])));
const diff = stats(Array.from({ length: runs }, () => time(['config', 'diff', 'test', 'prod'])));

const fmt = (x: ReturnType<typeof stats>) =>
  `median ${x.median.toFixed(0)} ms (p10 ${x.p10.toFixed(0)}, p90 ${x.p90.toFixed(0)}, min ${x.min.toFixed(0)}, max ${x.max.toFixed(0)})`;
console.log(`node ${process.version}, ${runs} runs each`);
console.log(`node -e 0 (process start only): ${fmt(baseline)}`);
console.log(`slipway --help:                 ${fmt(help)}`);
console.log(`slipway config diff test prod:  ${fmt(diff)}`);

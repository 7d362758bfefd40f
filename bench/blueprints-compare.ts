/**
 * `slipway synth` against EKS Blueprints for CDK on equal work: one process
 * per run, each writing its output to a fresh temp folder, rounds interleaved,
 * medians of wall and CPU time (user and system of the process and anything it
 * starts, from bash's `time`).
 *
 *   slipway synth --all        platform + apps of both environments of examples/shop; on Node 22.1+ its
 *                              compile cache (Node's own, enabled by bin/launch.js, in a temp folder here) is
 *                              warmed by the untimed round, as it is from a user's second run on; once more with
 *                              the cache off (NODE_DISABLE_COMPILE_CACHE=1; Node 20 has no cache: both are cold)
 *   slipway synth --env prod   platform + apps of one environment (the name-clash check still reads both)
 *   Blueprints                 bench/blueprints/stack.mjs: one stack comparable to the prod platform, as
 *                              `cdk synth` writes it (assets staged, tree.json)
 *   Blueprints, same settings  the same stack with asset staging off and no tree.json, as slipway synth does
 *
 * Run: npm run bench:synth-compare [-- --runs=N] [-- --node=<path>]   (builds first; needs
 * `npm ci --prefix bench/blueprints`). `--node` runs both sides under another Node binary (default: this one).
 * Offline: no credentials (fake ones are set), the instance metadata service is off, and the Blueprints
 * app fails if it would need a context lookup.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const blueprints = join(root, 'bench', 'blueprints');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1; got ${runs}`);
const node = resolve(process.argv.find((a) => a.startsWith('--node='))?.slice('--node='.length) ?? process.execPath);
if (!existsSync(node)) throw new Error(`--node: ${node} does not exist; give the path of a Node binary`);
const nodeVersion = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();

if (!existsSync(join(blueprints, 'node_modules', '@aws-quickstart', 'eks-blueprints'))) {
  console.error(
    `EKS Blueprints is not installed in ${join(blueprints, 'node_modules')}; run \`npm ci --prefix bench/blueprints\` ` +
      'once (it installs only there), then run this again',
  );
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error(`${join(root, 'dist')} is not built; run \`npm run build\` first (npm run bench:synth-compare does)`);
  process.exit(1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-for-bench-only',
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: '',
  NO_COLOR: '1',
};
const config = join(root, 'examples', 'shop', 'slipway.config.yaml');
const slipway = (...args: string[]) => [join(root, 'bin', 'slipway.js'), 'synth', '--config', config, ...args];
const stack = join(blueprints, 'stack.mjs');

interface Case {
  readonly name: string;
  readonly args: (out: string) => string[];
  /** Slipway's runs keep their compile cache in a temp folder; Blueprints runs as `cdk synth` does, without one. */
  readonly env: Record<string, string>;
}
const compileCache = mkdtempSync(join(tmpdir(), 'slipway-bench-compile-cache-'));
const { NODE_COMPILE_CACHE: _moved, NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = env;
process.on('exit', () => rmSync(compileCache, { recursive: true, force: true }));
const CASES: readonly Case[] = [
  {
    name: 'slipway synth --all (2 environments)',
    args: (out) => slipway('--all', '--out', out, '-q'),
    env: { NODE_COMPILE_CACHE: compileCache },
  },
  {
    name: 'slipway synth --all, compile cache off',
    args: (out) => slipway('--all', '--out', out, '-q'),
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  {
    name: 'slipway synth --env prod',
    args: (out) => slipway('--env', 'prod', '--out', out, '-q'),
    env: { NODE_COMPILE_CACHE: compileCache },
  },
  { name: 'Blueprints, 1 stack (cdk synth settings)', args: (out) => [stack, out], env: {} },
  { name: 'Blueprints, 1 stack (same settings)', args: (out) => [stack, out, '--same-settings'], env: {} },
];

interface Sample {
  readonly wall: number;
  readonly user: number;
  readonly cpu: number;
  readonly stdout: string;
}

/** One run of `node <args>` in a fresh output folder: wall, user and user + system milliseconds. */
function once(c: Case): Sample {
  const out = mkdtempSync(join(tmpdir(), 'slipway-bench-compare-'));
  try {
    const quoted = c.args(join(out, 'out')).map((a) => `'${a.replaceAll("'", "'\\''")}'`);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `TIMEFORMAT='%R %U %S'; { time '${node}' ${quoted.join(' ')} >"$1" 2>/dev/null; } 2>&1`,
        'bash',
        join(out, 'stdout'),
      ],
      { encoding: 'utf8', cwd: root, env: { ...inherited, ...c.env } },
    );
    const [real, user, sys] = r.stdout.trim().split(/\s+/).slice(-3).map(Number);
    if (r.status !== 0 || !Number.isFinite(real)) {
      throw new Error(`${c.name} failed (exit ${r.status}): ${r.stdout}${r.stderr}; run node ${quoted.join(' ')}`);
    }
    return {
      wall: real * 1000,
      user: user * 1000,
      cpu: (user + sys) * 1000,
      stdout: readFileSync(join(out, 'stdout'), 'utf8'),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const versionIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
const version = (dir: string, pkg: string) => versionIn(join(dir, 'node_modules', pkg, 'package.json'));
console.log(
  `slipway ${versionIn(join(root, 'package.json'))} with aws-cdk-lib ${version(root, 'aws-cdk-lib')}; ` +
    `@aws-quickstart/eks-blueprints ${version(blueprints, '@aws-quickstart/eks-blueprints')} with aws-cdk-lib ` +
    `${version(blueprints, 'aws-cdk-lib')}; Node ${nodeVersion}; ${runs} runs each, rounds interleaved, ` +
    'one untimed round first',
);

const samples = new Map<string, Sample[]>(CASES.map((c) => [c.name, []]));
for (const c of CASES) once(c); // warm the file cache
let blueprintsResources = '';
for (let round = 0; round < runs; round++) {
  for (const c of CASES) {
    const s = once(c);
    samples.get(c.name)?.push(s);
    const line = s.stdout.trim().split('\n').at(-1) ?? '';
    if (line.startsWith('{"stack"')) blueprintsResources = line;
  }
}

const rows = CASES.map((c) => {
  const xs = samples.get(c.name) ?? [];
  return {
    name: c.name,
    wall: median(xs.map((s) => s.wall)),
    user: median(xs.map((s) => s.user)),
    cpu: median(xs.map((s) => s.cpu)),
    xs,
  };
});
const base = rows.find((r) => r.name.startsWith('Blueprints')) ?? rows[0];
console.log('');
console.log('| run | wall (median, range) | user CPU | user + sys CPU | wall / Blueprints | CPU / Blueprints |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const lo = Math.min(...r.xs.map((s) => s.wall));
  const hi = Math.max(...r.xs.map((s) => s.wall));
  console.log(
    `| ${r.name} | ${seconds(r.wall)} s (${seconds(lo)}–${seconds(hi)}) | ${seconds(r.user)} s | ${seconds(r.cpu)} s | ` +
      `${(r.wall / base.wall).toFixed(2)} | ${(r.cpu / base.cpu).toFixed(2)} |`,
  );
}
if (blueprintsResources) console.log(`\nBlueprints stack: ${blueprintsResources}`);

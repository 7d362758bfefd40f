/**
 * Fixed start of the built CLI: spawns `node bin/slipway.js` per case (which runs the bundled entry,
 * dist/bundle/slipway.js) and reports the median wall and CPU time (user + system of the child, from bash's
 * `time`), next to a bare `node -e 0`; then, in one traced run per case, the modules it resolves (all, those
 * under node_modules, and the bundle's chunks among them) and which of the `yaml` package, zod, aws-cdk-lib
 * and the AWS SDK it loaded, read from the chunks' inputs (dist/bundle/metafile.json) as well as the URLs.
 *
 * Run: npm run bench:cli   (builds first; or npm run build && npx tsx bench/cli-startup.ts [runs] [--tsc])
 * --tsc runs the tsc build's entry (dist/cli/main.js) instead of the bundle, for a before/after.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const tsc = args.includes('--tsc');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 21);
// The tsc build is run through the same small runner the tests use; the bundle through the real launcher.
const entry = tsc
  ? [join(root, 'test', 'support', 'run-cli-entry.mjs'), join(root, 'dist', 'cli', 'main.js')]
  : [join(root, 'bin', 'slipway.js')];
const bundleDir = join(root, 'dist', 'bundle');
if (!tsc && !existsSync(join(bundleDir, 'slipway.js')))
  throw new Error(`${bundleDir}/slipway.js is missing: npm run build`);
const scratch = mkdtempSync(join(tmpdir(), 'slipway-bench-cli-'));

// One small, clean Deployment: the one-file verify a user runs in a pre-commit hook.
const oneFile = join(scratch, 'deployment.yaml');
writeFileSync(
  oneFile,
  `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0
          resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } }
`,
);

const CASES: { name: string; args: string[]; ok?: number[] }[] = [
  { name: 'slipway --help', args: ['--help'] },
  { name: 'slipway rules', args: ['rules'] },
  { name: 'slipway config show --env prod', args: ['config', 'show', '--env', 'prod'] },
  { name: 'slipway verify <one file>', args: ['verify', oneFile, '--env', 'prod'], ok: [0, 2] },
];

/** Wall and CPU milliseconds of one run of `node <args>`, from bash's `time` (the child's user + system). */
function once(args: string[], ok: number[] = [0]): { wall: number; cpu: number } {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync(
    'bash',
    ['-c', `TIMEFORMAT='%R %U %S'; { time '${process.execPath}' ${quoted} >/dev/null 2>/dev/null; } 2>&1`],
    { encoding: 'utf8', cwd: scratch },
  );
  const [real, user, sys] = r.stdout.trim().split(/\s+/).slice(-3).map(Number);
  if (!ok.includes(r.status ?? -1) || !Number.isFinite(real))
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return { wall: real * 1000, cpu: (user + sys) * 1000 };
}

/** The source files in each chunk of the bundle, from the metafile the build writes beside it. */
function chunkInputs(): Map<string, string[]> {
  const file = join(bundleDir, 'metafile.json');
  if (!existsSync(file)) return new Map();
  const meta = JSON.parse(readFileSync(file, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  return new Map(
    Object.entries(meta.outputs).map(([out, o]) => [
      join(root, out),
      Object.keys(o.inputs).filter((i) => o.inputs[i].bytesInOutput > 0),
    ]),
  );
}

/** The modules one run resolves (every URL, those in node_modules, the bundle's chunks) and the packages among them. */
function modules(args: string[]): { all: number; nodeModules: number; chunks: number; loaded: string[] } {
  const log = join(scratch, 'modules.txt');
  writeFileSync(log, '');
  spawnSync(process.execPath, ['--import', join(root, 'bench', 'support', 'register-count-modules.mjs'), ...args], {
    cwd: scratch,
    env: { ...process.env, SLIPWAY_MODULE_LOG: log },
  });
  const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
  const inputs = chunkInputs();
  const files = urls.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  const chunks = tsc ? [] : files.filter((f) => inputs.has(f));
  const sources = [...urls, ...chunks.flatMap((c) => inputs.get(c) ?? [])];
  const watched = ['yaml', 'zod', 'aws-cdk-lib', '@aws-sdk'];
  return {
    all: urls.length,
    nodeModules: urls.filter((u) => u.includes('/node_modules/')).length,
    chunks: chunks.length,
    loaded: watched.filter((w) => sources.some((u) => u.includes(`node_modules/${w}/`))),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(args: string[], ok?: number[]) {
  const samples = Array.from({ length: runs }, () => once(args, ok));
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
}

try {
  const bare = measure(['-e', '0']);
  console.log(`node ${process.version}, ${tsc ? 'the tsc build' : 'the bundled CLI'}, ${runs} runs per case, medians`);
  console.log(`${'node -e 0'.padEnd(34)} wall ${bare.wall.toFixed(0)} ms, CPU ${bare.cpu.toFixed(0)} ms`);
  for (const c of CASES) {
    const t = measure([...entry, ...c.args], c.ok);
    const m = modules([...entry, ...c.args]);
    console.log(
      `${c.name.padEnd(34)} wall ${t.wall.toFixed(0)} ms (${(t.wall / bare.wall).toFixed(1)}× bare), CPU ${t.cpu.toFixed(0)} ms (${(t.cpu / bare.cpu).toFixed(1)}×); ${m.all} modules (${m.nodeModules} in node_modules${tsc ? '' : `, ${m.chunks} bundle chunks`})${m.loaded.length ? `; loads ${m.loaded.join(', ')}` : ''}`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

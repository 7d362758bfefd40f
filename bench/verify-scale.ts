/**
 * Static verify at every size, on corpora a user would have:
 *
 * - `shop-<n>`: namespaced copies of the example shop's synthesized prod apps
 *   (`examples/shop`, every kind `slipway synth` writes for them: Namespaces,
 *   quotas, LimitRanges, NetworkPolicies, ServiceAccounts, Deployments,
 *   StatefulSets, CronJobs, Services, Ingresses, HPAs, ScaledObjects, PDBs,
 *   SecretStores, ExternalSecrets, Argo CD Applications, kustomizations), one
 *   file per copy, until the corpus holds n objects. Every copy's Ingresses
 *   stay in the shop's one ALB group, as the generator writes them.
 * - `alb-5000`: one ALB group of 5,000 Ingresses (the shop's frontend Ingress
 *   with its Service, in 50 namespaces).
 *
 * Floor: js-yaml `loadAll` (default schema) over the same files in the same
 * run, keeping every document. Each measurement is a process of its own with
 * the modules loaded before the clock starts; the figure is CPU time (user +
 * system of the process, so garbage collector threads count), median of the runs,
 * rounds interleaved across modes.
 *
 * Run: npx tsx bench/verify-scale.ts [--runs=3] [--sizes=1000,5000,20000,100000] [--no-alb]
 *      [--modes=verify,verify-v8-defaults] (what is compared with the floor; default verify)
 * Data only, kept for profiling: npx tsx bench/verify-scale.ts --generate=DIR
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';
import { youngGenerationFlags } from '../bin/young-generation.js';
import { loadVerifyModes } from './support/verify-modes.js';

type Doc = Record<string, unknown>;
interface Sample {
  cpuMs: number;
  wallMs: number;
  rssMB: number;
  objects: number;
  findings: number;
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mode = arg('mode');
const dirArg = arg('dir');
const heapArgs = arg('node-args');

if (mode && dirArg) await measure(mode, dirArg);
else if (arg('generate')) await generateAll(arg('generate') as string, sizesArg(), !process.argv.includes('--no-alb'));
else await orchestrate();

function sizesArg(): number[] {
  return (arg('sizes') ?? '1000,5000,20000,100000').split(',').map(Number);
}

/** One mode over one corpus, in this process: prints a Sample as JSON. */
async function measure(m: string, dir: string): Promise<void> {
  const run = await loadVerifyModes('shop');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { objects, findings } = await run(m, dir);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sample: Sample = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    rssMB: process.resourceUsage().maxRSS / 1024,
    objects,
    findings,
  };
  process.stdout.write(JSON.stringify(sample));
}

async function orchestrate(): Promise<void> {
  const runs = Number(arg('runs') ?? 3);
  // The floor first, then what is compared with it (`verify-v8-defaults`: the same verify under V8's default tiering).
  const judged = (arg('modes') ?? 'verify').split(',');
  const modes = ['parse', ...judged];
  const root = mkdtempSync(join(tmpdir(), 'slipway-bench-scale-'));
  try {
    const corpora = await generateAll(root, sizesArg(), !process.argv.includes('--no-alb'));
    const self = fileURLToPath(import.meta.url);
    const nodeArgs = heapArgs ? heapArgs.split(' ') : [];
    const rows: { name: string; samples: Record<string, Sample[]> }[] = [];
    for (const c of corpora) {
      const row = { name: c.name, samples: Object.fromEntries(modes.map((m) => [m, [] as Sample[]])) };
      for (let i = 0; i < runs; i++) {
        for (const m of modes) {
          // `verify` is what the CLI runs: on Node 22+ bin/launch.js re-runs a verify of a folder with a smaller
          // young generation (bin/young-generation.js); the same flags here. The floor keeps Node's defaults.
          const cliFlags =
            m === 'verify' && !heapArgs ? youngGenerationFlags(['node', 'slipway', 'verify', c.dir]) : [];
          const out = execFileSync(
            process.execPath,
            [...nodeArgs, ...cliFlags, '--import', 'tsx', self, `--mode=${m}`, `--dir=${c.dir}`],
            { encoding: 'utf8', maxBuffer: 1 << 20 },
          );
          row.samples[m].push(JSON.parse(out) as Sample);
        }
      }
      rows.push(row);
      const p = median(row.samples.parse.map((s) => s.cpuMs));
      const first = row.samples[judged[0]];
      const parts = judged.map((m) => {
        const v = median(row.samples[m].map((s) => s.cpuMs));
        const wall = median(row.samples[m].map((s) => s.wallMs));
        return `${m} ${v.toFixed(0)} ms CPU (wall ${wall.toFixed(0)} ms), ratio ${(v / p).toFixed(2)}, peak RSS ${Math.max(...row.samples[m].map((s) => s.rssMB)).toFixed(0)} MB`;
      });
      console.log(
        `${c.name.padEnd(12)} ${String(first[0].objects).padStart(7)} objects, ${c.mb.toFixed(1)} MB: parse ${p.toFixed(0)} ms CPU; ${parts.join('; ')}; ${first[0].findings} findings`,
      );
    }
    const shop = rows.filter((r) => r.name.startsWith('shop-'));
    if (shop.length >= 2) {
      const xs = shop.map((r) => r.samples[judged[0]][0].objects);
      const exponent = (m: string) =>
        slope(
          xs,
          shop.map((r) => median(r.samples[m].map((s) => s.cpuMs))),
        ).toFixed(3);
      console.log(
        `growth exponent (log-log slope, ${xs[0]}–${xs[xs.length - 1]} objects): ${modes.map((m) => `${m} ${exponent(m)}`).join(', ')}`,
      );
    }
    console.log(`(${runs} runs per mode and corpus; node ${process.version}${heapArgs ? `; ${heapArgs}` : ''})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Least-squares slope of log(y) against log(x). */
function slope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

interface Corpus {
  name: string;
  dir: string;
  objects: number;
  mb: number;
}

async function generateAll(root: string, sizes: number[], alb: boolean): Promise<Corpus[]> {
  const shop = await shopDocuments();
  const out: Corpus[] = [];
  for (const n of sizes) out.push(writeCopies(root, `shop-${n}`, shop, n));
  if (alb) out.push(writeAlbGroup(root, shop, 5000, 50));
  for (const c of out) console.log(`generated ${c.name}: ${c.objects} documents, ${c.mb.toFixed(1)} MB`);
  return out;
}

/** The example shop's prod apps as `slipway synth` writes them, parsed: one list per output file. */
async function shopDocuments(): Promise<Doc[]> {
  const { loadAll } = await import('js-yaml');
  const { loadConfig } = await import('../src/config/load.js');
  const { synthesizeApps } = await import('../src/apps/synth.js');
  const config = await loadConfig(fileURLToPath(new URL('../examples/shop/slipway.config.yaml', import.meta.url)));
  const { files } = synthesizeApps(config.environments.prod);
  const docs: Doc[] = [];
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!/\.ya?ml$/.test(path)) continue;
    for (const d of loadAll(text)) if (d) docs.push(d as Doc);
  }
  return docs;
}

/** The shop's namespaces (and its Argo CD one): every exact mention is renamed per copy. */
function namespacesOf(docs: Doc[]): string[] {
  const out = new Set<string>();
  for (const d of docs) {
    const ns = (d.metadata as Doc | undefined)?.namespace;
    if (typeof ns === 'string') out.add(ns);
    if (d.kind === 'Namespace') out.add(String((d.metadata as Doc).name));
  }
  return [...out];
}

/** A deep copy with every namespace renamed for copy `k`: exact values, `<svc>.<ns>.svc` names and hosts. */
function renamed(value: unknown, rename: Map<string, string>, suffix: string): unknown {
  if (typeof value === 'string') {
    const exact = rename.get(value);
    if (exact) return exact;
    let s = value.replace(/\.([a-z0-9-]+)\.svc\b/g, (m, ns: string) => (rename.has(ns) ? `.${rename.get(ns)}.svc` : m));
    s = s.replace(/^([a-z0-9-]+)\.((?:test\.)?shop\.example\.com)$/, `$1-${suffix}.$2`);
    return s;
  }
  if (Array.isArray(value)) return value.map((v) => renamed(v, rename, suffix));
  if (value && typeof value === 'object') {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = renamed(v, rename, suffix);
    return out;
  }
  return value;
}

function writeCopies(root: string, name: string, shop: Doc[], objects: number): Corpus {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const namespaces = namespacesOf(shop);
  let written = 0;
  let bytes = 0;
  for (let k = 0; written < objects; k++) {
    const suffix = String(k).padStart(4, '0');
    const rename = new Map(namespaces.map((ns) => [ns, `${ns}-${suffix}`]));
    const docs = shop.slice(0, objects - written).map((d) => renamed(d, rename, suffix));
    const text = docs.map((d) => dump(d, { noRefs: true, lineWidth: -1 })).join('---\n');
    writeFileSync(join(dir, `shop-${suffix}.yaml`), text);
    written += docs.length;
    bytes += Buffer.byteLength(text);
  }
  return { name, dir, objects: written, mb: bytes / 1024 / 1024 };
}

/** n copies of the shop's public web Ingress and its Service, in `namespaces` namespaces, all in one ALB group. */
function writeAlbGroup(root: string, shop: Doc[], n: number, namespaces: number): Corpus {
  const dir = join(root, `alb-${n}`);
  mkdirSync(dir, { recursive: true });
  const ingress = shop.find((d) => d.kind === 'Ingress') as Doc;
  const backend = (ingress.spec as { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] })
    .rules[0].http.paths[0].backend.service.name;
  const ns = String((ingress.metadata as Doc).namespace);
  const service = shop.find(
    (d) => d.kind === 'Service' && (d.metadata as Doc).name === backend && (d.metadata as Doc).namespace === ns,
  ) as Doc;
  let bytes = 0;
  const perFile = n / namespaces;
  for (let f = 0; f < namespaces; f++) {
    const docs: unknown[] = [];
    const namespace = `${ns}-${String(f).padStart(2, '0')}`;
    for (let i = 0; i < perFile; i++) {
      const id = String(f * perFile + i).padStart(4, '0');
      const ing = structuredClone(ingress) as Doc & { metadata: Doc; spec: { rules: Doc[] } };
      const svc = structuredClone(service) as Doc & { metadata: Doc };
      ing.metadata.name = `${ing.metadata.name}-${id}`;
      ing.metadata.namespace = namespace;
      svc.metadata.name = `${backend}-${id}`;
      svc.metadata.namespace = namespace;
      for (const rule of ing.spec.rules as {
        host?: string;
        http?: { paths: { backend: { service: { name: string } } }[] };
      }[]) {
        if (rule.host) rule.host = rule.host.replace(/^([a-z0-9-]+)\./, `$1-${id}.`);
        for (const path of rule.http?.paths ?? []) path.backend.service.name = svc.metadata.name as string;
      }
      const tls = (ing.spec as { tls?: { hosts?: string[] }[] }).tls ?? [];
      for (const t of tls) t.hosts = (t.hosts ?? []).map((h) => h.replace(/^([a-z0-9-]+)\./, `$1-${id}.`));
      docs.push(ing, svc);
    }
    const text = docs.map((d) => dump(d, { noRefs: true, lineWidth: -1 })).join('---\n');
    writeFileSync(join(dir, `ingresses-${String(f).padStart(2, '0')}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return { name: `alb-${n}`, dir, objects: 2 * n, mb: bytes / 1024 / 1024 };
}

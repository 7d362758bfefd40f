/**
 * Live verify at the Kubernetes scalability limits: 5,000 nodes and 150,000 pods
 * (5,000 Deployments × 30 replicas, with their 5,000 ReplicaSets), served by the
 * loopback fake API server in its own process, which builds each object only
 * when a page asks for it. The verifier (another process) lists every kind the
 * registered rules need, page by page (limit 500), and runs every rule.
 *
 * Run: npx tsx bench/live-scale.ts            (offline; loopback only; --no-kubectl skips the kubectl reference run)
 *      --nodes=N --deployments=N   a smaller cluster (30 pods per Deployment); --snapshot=FILE   a heap snapshot
 *      once the inventory is built; MEASURE_FLAGS='--max-old-space-size=250'   Node flags for the verifier
 *      npx tsx bench/live-scale.ts --cli      (`slipway verify --live -o json` as a user runs it, bin/slipway.js:
 *                                              dist/ when built, else src/ through tsx)
 *      npx tsx bench/live-scale.ts --status   (`slipway status` through the built binary instead,
 *                                              next to `kubectl get pods,nodes -A -o json`)
 * Records: wall time (collect, rules), peak RSS and heap of the verifier, request count.
 */
import { execFile, execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { liveClusterObjects, REPLICAS } from './support/live-cluster.js';

const self = fileURLToPath(import.meta.url);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// --nodes=N --deployments=N scale the cluster down (e.g. 1,000 / 1,000 for 30,000 pods); default the limits.
const NODES = Number(arg('nodes') ?? 5_000);
const DEPLOYMENTS = Number(arg('deployments') ?? 5_000);
const PODS = DEPLOYMENTS * REPLICAS;

if (process.argv.includes('--server')) await serve();
else if (arg('measure')) await measure(arg('measure') as string);
else await orchestrate();

// ---- the fake cluster (child process; its objects are in support/live-cluster.ts) ----

async function serve(): Promise<void> {
  const { startFakeKubeServer } = await import('../test/support/fake-kube-server.js');
  const server = await startFakeKubeServer({
    // kubectl (the reference run) sends no bearer token over plain http.
    requireAuth: false,
    objects: liveClusterObjects({ nodes: NODES, deployments: DEPLOYMENTS }),
  });
  process.on('message', (m) => {
    if (m === 'stats') {
      const methods = [...new Set(server.log.map((l) => l.method))];
      const lists = server.log.filter((l) => l.query.limit).length;
      process.send?.({ requests: server.log.length, lists, methods, rssMB: process.resourceUsage().maxRSS / 1024 });
    }
  });
  process.send?.({ kubeconfig: server.kubeconfigPath });
}

// ---- the verifier (child process) ----------------------------------------------------

async function measure(kubeconfig: string): Promise<void> {
  const t0 = performance.now();
  const { bundledExamplePath, loadConfig } = await import('../src/config/load.js');
  const { collectLiveInventory } = await import('../src/inventory/sources/live.js');
  const { needsOf } = await import('../src/inventory/sources/needs.js');
  const { loadRules } = await import('../src/rules/engine/load-rules.js');
  const { verify } = await import('../src/rules/engine/verify.js');
  const { renderJsonReportChunks } = await import('../src/report/json.js');
  const env = (await loadConfig(bundledExamplePath())).environments.prod;
  const rules = await loadRules();
  let heapPeak = 0;
  let heapTotalPeak = 0;
  const sample = setInterval(() => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    heapTotalPeak = Math.max(heapTotalPeak, now.heapTotal);
  }, 25);
  // Peak RSS and heap so far, at the end of each step (the step that raised them is the one to look at).
  // Also the heap V8 held (used or not, peak so far), and memory outside it (buffers) at that moment.
  const phases: Record<string, { rssMB: number; heapMB: number; heapTotalMB: number; externalMB: number }> = {};
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const phase = (name: string) => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    heapTotalPeak = Math.max(heapTotalPeak, now.heapTotal);
    phases[name] = {
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      heapMB: mb(heapPeak),
      heapTotalMB: mb(heapTotalPeak),
      externalMB: mb(now.external),
    };
  };
  phase('loaded');
  // Collects and judges in a function of its own: as in runVerify, nothing holds the inventory once its report is made.
  const judge = async () => {
    const inventory = await collectLiveInventory({ needs: needsOf(rules), env, kube: { kubeconfig }, aws: false });
    times.collectMs = performance.now() - tc;
    phase('collected');
    // --snapshot=FILE: a heap snapshot once the inventory is built (it raises the peak RSS of this run).
    const snapshot = arg('snapshot');
    if (snapshot) (await import('node:v8')).writeHeapSnapshot(snapshot);
    const counts = {
      objects: inventory.kubeResources.length,
      byKind: Object.fromEntries(['Node', 'Pod', 'Deployment', 'ReplicaSet'].map((k) => [k, inventory.kube(k).length])),
      kinds: inventory.coverage.kubeKinds.size,
    };
    times.rulesStart = performance.now();
    const report = verify(inventory, { env, rules });
    phase('verified');
    return { report, counts };
  };
  const times = { collectMs: 0, rulesStart: 0 };
  const tc = performance.now();
  const { report, counts } = await judge();
  const { collectMs } = times;
  const tr = times.rulesStart;
  // As the CLI writes it: chunk by chunk, never one string.
  let reportChars = 0;
  for (const chunk of renderJsonReportChunks([report])) reportChars += chunk.length;
  const rulesMs = performance.now() - tr;
  phase('reported');
  clearInterval(sample);
  const byRule = new Map<string, number>();
  for (const f of report.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - t0,
      collectMs,
      rulesMs,
      rssMB: process.resourceUsage().maxRSS / 1024,
      cpuS: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
      heapPeakMB: heapPeak / 1024 / 1024,
      ...counts,
      rules: rules.length,
      findings: report.findings.length,
      byRule: Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1]).slice(0, 8)),
      phases,
      reportMB: reportChars / 1024 / 1024,
    }),
  );
}

// ---- orchestration ----------------------------------------------------------------

async function orchestrate(): Promise<void> {
  const scale = process.argv.filter((a) => a.startsWith('--nodes=') || a.startsWith('--deployments='));
  const server = fork(self, ['--server', ...scale], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(msg?: string) =>
    new Promise<T>((resolve) => {
      server.once('message', (m) => resolve(m as T));
      if (msg) server.send(msg);
    });
  try {
    const { kubeconfig } = await ask<{ kubeconfig: string }>();
    console.log(
      `fake cluster: ${NODES} nodes, ${PODS} pods, ${DEPLOYMENTS} Deployments, ${DEPLOYMENTS} ReplicaSets (generated per page)`,
    );
    if (process.argv.includes('--cli')) {
      await timed(
        'slipway verify --live --no-aws --env prod -o json (bin/slipway.js)',
        `node bin/slipway.js verify --live --no-aws --env prod -o json --kubeconfig '${kubeconfig}' > /dev/null; true`,
      );
      return;
    }
    if (process.argv.includes('--status')) {
      await timed(
        'slipway status --no-aws -o json (built binary)',
        `node bin/slipway.js status --no-aws -o json --kubeconfig '${kubeconfig}' > /dev/null; true`,
      );
      if (!process.argv.includes('--no-kubectl'))
        await timed(
          'kubectl get pods,nodes -A -o json',
          `kubectl get pods,nodes -A -o json --chunk-size=500 --kubeconfig '${kubeconfig}' > /dev/null`,
        );
      return;
    }
    const passed = process.argv.filter((a) => a.startsWith('--snapshot='));
    const out = execFileSync(
      process.execPath,
      [
        ...(process.env.MEASURE_FLAGS ? process.env.MEASURE_FLAGS.split(' ') : []),
        '--import',
        'tsx',
        self,
        `--measure=${kubeconfig}`,
        ...passed,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out);
    const stats = await ask<{ requests: number; lists: number; methods: string[]; rssMB: number }>('stats');
    console.log(
      `live verify: ${(r.ms / 1000).toFixed(1)} s total (collect ${(r.collectMs / 1000).toFixed(1)} s, rules + JSON report ${(r.rulesMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `verifier peak RSS ${r.rssMB.toFixed(0)} MB, peak heap used ${r.heapPeakMB.toFixed(0)} MB, CPU ${r.cpuS.toFixed(1)} s`,
    );
    console.log(
      `objects ${r.objects} ${JSON.stringify(r.byKind)}, ${r.kinds} kinds, ${r.rules} rules, ${r.findings} findings (report ${r.reportMB.toFixed(1)} MB)`,
    );
    console.log(`findings by rule (largest): ${JSON.stringify(r.byRule)}`);
    console.log(`peak so far, by step: ${JSON.stringify(r.phases)}`);
    console.log(
      `API requests ${stats.requests} (${stats.lists} list pages), methods ${stats.methods.join(',')}; fake server peak RSS ${stats.rssMB.toFixed(0)} MB`,
    );
    if (!process.argv.includes('--no-kubectl')) await kubectlReference(kubeconfig);
  } finally {
    server.kill();
  }
}

/** For comparison, when kubectl is installed: `kubectl get pods -A -o json` over the same server (output discarded). */
async function kubectlReference(kubeconfig: string): Promise<void> {
  const run = promisify(execFile);
  try {
    await run('kubectl', ['version', '--client'], { timeout: 20_000 });
  } catch {
    console.log('kubectl: not installed; no reference run');
    return;
  }
  const t0 = performance.now();
  try {
    const { stderr } = await run(
      'sh',
      [
        '-c',
        `/usr/bin/time -f 'maxrss_kb=%M' kubectl get pods -A -o json --chunk-size=500 --kubeconfig '${kubeconfig}' > /dev/null`,
      ],
      { maxBuffer: 1 << 20 },
    );
    const rss = /maxrss_kb=(\d+)/.exec(stderr)?.[1];
    console.log(
      `reference: kubectl get pods -A -o json (150,000 pods only): ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`,
    );
  } catch (e) {
    console.log(`kubectl reference run failed: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Wall time and peak RSS of one shell command (through /usr/bin/time). */
async function timed(label: string, command: string): Promise<void> {
  const run = promisify(execFile);
  const t0 = performance.now();
  const { stderr } = await run(
    'sh',
    ['-c', `/usr/bin/time -f 'maxrss_kb=%M' sh -c "${command.replaceAll('"', '\\"')}"`],
    {
      maxBuffer: 1 << 24,
    },
  );
  const rss = /maxrss_kb=(\d+)/.exec(stderr)?.[1];
  console.log(
    `${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`,
  );
}

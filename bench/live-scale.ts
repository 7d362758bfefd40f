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

const self = fileURLToPath(import.meta.url);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// --nodes=N --deployments=N scale the cluster down (e.g. 1,000 / 1,000 for 30,000 pods); default the limits.
const NODES = Number(arg('nodes') ?? 5_000);
const DEPLOYMENTS = Number(arg('deployments') ?? 5_000);
const REPLICAS = 30;
const PODS = DEPLOYMENTS * REPLICAS;
const NAMESPACES = 100;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

if (process.argv.includes('--server')) await serve();
else if (arg('measure')) await measure(arg('measure') as string);
else await orchestrate();

// ---- the fake cluster (child process) ------------------------------------------------

function managedFields(manager: string) {
  return [
    {
      manager,
      operation: 'Update',
      apiVersion: 'v1',
      time: '2025-01-01T00:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:containers': {} } },
    },
  ];
}

function nodeName(i: number): string {
  return `ip-10-0-${Math.floor(i / 250)}-${i % 250}.ec2.internal`;
}

function node(i: number) {
  const zone = ZONES[i % ZONES.length];
  return {
    metadata: {
      name: nodeName(i),
      uid: `node-${i}`,
      labels: {
        'kubernetes.io/hostname': nodeName(i),
        'topology.kubernetes.io/zone': zone,
        'topology.kubernetes.io/region': 'us-east-1',
        'node.kubernetes.io/instance-type': 'm6i.large',
        'eks.amazonaws.com/nodegroup': i % 4 === 0 ? 'spot' : 'on-demand',
        'eks.amazonaws.com/capacityType': i % 4 === 0 ? 'SPOT' : 'ON_DEMAND',
      },
      managedFields: managedFields('kubelet'),
    },
    spec: { providerID: `aws:///${zone}/i-${(1e16 + i).toString(16)}` },
    status: {
      capacity: { cpu: '2', memory: '7910376Ki', pods: '29' },
      allocatable: { cpu: '1930m', memory: '7220200Ki', pods: '29' },
      conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
        type,
        status: type === 'Ready' ? 'True' : 'False',
        lastHeartbeatTime: '2025-01-01T00:00:00Z',
        reason: type === 'Ready' ? 'KubeletReady' : `KubeletHasNo${type}`,
      })),
      addresses: [
        { type: 'InternalIP', address: `10.0.${Math.floor(i / 250)}.${i % 250}` },
        { type: 'Hostname', address: nodeName(i) },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.34.1-eks-1234567',
        osImage: 'Amazon Linux 2023',
        containerRuntimeVersion: 'containerd://1.7.27',
      },
    },
  };
}

function container(d: number) {
  const tidy = d % 10 !== 0;
  return {
    name: 'app',
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/app-${d % 200}:1.${d % 7}.0`,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
    ...(tidy
      ? {
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 20 },
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
        }
      : {}),
  };
}

function labels(d: number) {
  return { app: `app-${d}`, 'app.kubernetes.io/name': `app-${d}`, 'app.kubernetes.io/part-of': 'shop' };
}

function deployment(d: number) {
  return {
    metadata: {
      name: `app-${d}`,
      namespace: `ns-${d % NAMESPACES}`,
      uid: `dep-${d}`,
      labels: labels(d),
      managedFields: managedFields('kubectl'),
    },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: `app-${d}` } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: { metadata: { labels: labels(d) }, spec: { containers: [container(d)] } },
    },
    status: { replicas: REPLICAS, readyReplicas: REPLICAS, availableReplicas: REPLICAS },
  };
}

function replicaSet(d: number) {
  return {
    metadata: {
      name: `app-${d}-7d9c8b6f5d`,
      namespace: `ns-${d % NAMESPACES}`,
      uid: `rs-${d}`,
      labels: { ...labels(d), 'pod-template-hash': '7d9c8b6f5d' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: `app-${d}`, uid: `dep-${d}`, controller: true },
      ],
      managedFields: managedFields('kube-controller-manager'),
    },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: `app-${d}`, 'pod-template-hash': '7d9c8b6f5d' } },
      template: {
        metadata: { labels: { ...labels(d), 'pod-template-hash': '7d9c8b6f5d' } },
        spec: { containers: [container(d)] },
      },
    },
    status: { replicas: REPLICAS, readyReplicas: REPLICAS },
  };
}

function pod(p: number) {
  const d = Math.floor(p / REPLICAS);
  const restarts = p % 997 === 0 ? 12 : 0;
  return {
    metadata: {
      name: `app-${d}-7d9c8b6f5d-${(p % REPLICAS).toString(36).padStart(5, 'x')}`,
      namespace: `ns-${d % NAMESPACES}`,
      uid: `pod-${p}`,
      labels: { ...labels(d), 'pod-template-hash': '7d9c8b6f5d' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-${d}-7d9c8b6f5d`, uid: `rs-${d}`, controller: true },
      ],
      managedFields: managedFields('kubelet'),
    },
    spec: { nodeName: nodeName(p % NODES), serviceAccountName: `app-${d}`, containers: [container(d)] },
    status: {
      phase: 'Running',
      podIP: `10.1.${Math.floor(p / 250) % 250}.${p % 250}`,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: restarts,
          image: container(d).image,
          state:
            p % 4999 === 0
              ? { waiting: { reason: 'CrashLoopBackOff' } }
              : { running: { startedAt: '2025-01-01T00:00:00Z' } },
        },
      ],
    },
  };
}

async function serve(): Promise<void> {
  const { startFakeKubeServer } = await import('../test/support/fake-kube-server.js');
  const server = await startFakeKubeServer({
    // kubectl (the reference run) sends no bearer token over plain http.
    requireAuth: false,
    objects: {
      Namespace: Array.from({ length: NAMESPACES }, (_, i) => ({ metadata: { name: `ns-${i}` } })),
      Node: { count: NODES, at: node },
      Deployment: { count: DEPLOYMENTS, at: deployment },
      ReplicaSet: { count: DEPLOYMENTS, at: replicaSet },
      Pod: { count: PODS, at: pod },
    },
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

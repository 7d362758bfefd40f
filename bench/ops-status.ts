/**
 * `clusterStatus` (the analysis behind `slipway status`) at the Kubernetes
 * scalability limits, on plain data in memory: 5,000 nodes, 150,000 pods
 * (5,000 Deployments × 30 replicas; one pod in 50 crash-looping, Pending or
 * failing to pull), 30,000 events, 5,000 ExternalSecrets and PVCs. Reading the
 * objects from the API is not measured here (see bench/live-scale.ts).
 *
 * Run: npx tsx bench/ops-status.ts   (--phases: time each step first)
 * Records: wall time of building the input, of the analysis and of the table, and peak RSS.
 */
import type { KubeObject } from '../src/inventory/types.js';
import { known } from '../src/ops/facts.js';
import { clusterStatus } from '../src/ops/status/status.js';
import { renderStatusTable } from '../src/report/ops/status.js';

const NODES = 5_000;
const DEPLOYMENTS = 5_000;
const REPLICAS = 30;
const EVENTS = 30_000;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const NOW = '2026-12-03T09:00:00Z';

function node(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `ip-10-${i >> 8}-${i & 255}-1.eu-west-1.compute.internal`,
      labels: {
        'topology.kubernetes.io/zone': ZONES[i % 3],
        'eks.amazonaws.com/capacityType': i % 4 === 0 ? 'SPOT' : 'ON_DEMAND',
      },
    },
    status: {
      allocatable: { cpu: '15890m', memory: '63393456Ki', pods: '58' },
      conditions: [{ type: 'Ready', status: i % 997 === 0 ? 'False' : 'True' }],
      nodeInfo: { kubeletVersion: i % 10 === 0 ? 'v1.30.9-eks-1' : 'v1.33.4-eks-1' },
    },
  };
}

function pod(d: number, r: number, nodeName: string): KubeObject {
  const name = `app-${d}-6d5f7c8b9a-${String(r).padStart(5, 'x')}`;
  const trouble = (d * REPLICAS + r) % 50;
  const waiting =
    trouble === 1
      ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } }
      : trouble === 2
        ? { waiting: { reason: 'ImagePullBackOff', message: 'not found' } }
        : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: `ns-${d % 100}`,
      labels: { app: `app-${d}`, 'pod-template-hash': '6d5f7c8b9a' },
      ownerReferences: [{ kind: 'ReplicaSet', name: `app-${d}-6d5f7c8b9a`, controller: true }],
    },
    spec: {
      ...(trouble === 3 ? {} : { nodeName }),
      containers: [
        {
          name: 'app',
          image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-${d % 200}:1.0.${d % 7}`,
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        },
      ],
    },
    status: {
      phase: trouble === 3 ? 'Pending' : 'Running',
      ...(trouble === 3
        ? {
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: '0/5000 nodes are available: 5000 Insufficient memory.',
              },
            ],
          }
        : {}),
      containerStatuses: [
        {
          name: 'app',
          ready: !waiting,
          restartCount: trouble === 1 ? 9 : 0,
          state: waiting ?? { running: { startedAt: '2026-12-03T07:00:00Z' } },
          lastState: trouble === 1 ? { terminated: { reason: 'OOMKilled', exitCode: 137 } } : {},
        },
      ],
    },
  };
}

function build() {
  const nodes = Array.from({ length: NODES }, (_, i) => node(i));
  const pods: KubeObject[] = [];
  for (let d = 0; d < DEPLOYMENTS; d++)
    for (let r = 0; r < REPLICAS; r++) pods.push(pod(d, r, nodes[(d * REPLICAS + r) % NODES].metadata.name));
  const deployments: KubeObject[] = Array.from({ length: DEPLOYMENTS }, (_, d) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${d}`, namespace: `ns-${d % 100}` },
    spec: { replicas: REPLICAS },
    status: {
      readyReplicas: REPLICAS - 1,
      updatedReplicas: REPLICAS,
      unavailableReplicas: d % 50 === 0 ? 1 : 0,
      conditions: [],
    },
  }));
  const events: KubeObject[] = Array.from({ length: EVENTS }, (_, i) => {
    const p = pods[(i * 5) % pods.length];
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `e${i}`, namespace: p.metadata.namespace },
      involvedObject: { kind: 'Pod', name: p.metadata.name, namespace: p.metadata.namespace },
      type: i % 3 === 0 ? 'Warning' : 'Normal',
      reason: i % 3 === 0 ? 'BackOff' : 'Pulled',
      message: 'Back-off restarting failed container',
      count: 1 + (i % 9),
      lastTimestamp: `2026-12-03T0${7 + (i % 2)}:${String(i % 60).padStart(2, '0')}:00Z`,
    };
  });
  const externalSecrets: KubeObject[] = Array.from({ length: DEPLOYMENTS }, (_, d) => ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: `app-${d}`, namespace: `ns-${d % 100}` },
    status: { conditions: [{ type: 'Ready', status: d % 100 === 0 ? 'False' : 'True', reason: 'SecretSynced' }] },
  }));
  const claims: KubeObject[] = Array.from({ length: DEPLOYMENTS }, (_, d) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `data-${d}`, namespace: `ns-${d % 100}` },
    spec: { storageClassName: 'gp3' },
    status: { phase: d % 100 === 0 ? 'Pending' : 'Bound' },
  }));
  return { nodes, pods, deployments, events, externalSecrets, claims };
}

const t0 = performance.now();
const o = build();
const t1 = performance.now();
if (process.argv.includes('--phases')) await phases(o);
const cpu0 = process.cpuUsage();
const report = clusterStatus({
  now: NOW,
  cluster: 'bench',
  controlPlaneVersion: known('v1.33.5-eks-1'),
  nodes: known(o.nodes),
  pods: known(o.pods),
  events: known(o.events),
  deployments: known(o.deployments),
  statefulSets: known([]),
  daemonSets: known([]),
  externalSecrets: known(o.externalSecrets),
  persistentVolumeClaims: known(o.claims),
  addons: known([{ name: 'vpc-cni', status: 'ACTIVE' }]),
});
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const text = renderStatusTable(report, { color: false });
const t3 = performance.now();
const json = JSON.stringify(report);
const t4 = performance.now();

const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
console.log(`input: ${NODES} nodes, ${o.pods.length} pods, ${EVENTS} events, ${DEPLOYMENTS} deployments`);
console.log(`build input   ${Math.round(t1 - t0)} ms`);
console.log(
  `clusterStatus ${Math.round(t2 - t1)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU (${report.problems.length} problems, ${report.pods.length} pod rows)`,
);
console.log(`table         ${Math.round(t3 - t2)} ms (${text.length} characters)`);
console.log(`JSON          ${Math.round(t4 - t3)} ms (${json.length} characters)`);
console.log(`peak RSS      ${mb(process.resourceUsage().maxRSS * 1024)}`);

async function phases(o: ReturnType<typeof build>) {
  const { EventIndex, viewEvent } = await import('../src/ops/common/events.js');
  const { nodeRows } = await import('../src/ops/status/nodes.js');
  const { podRows } = await import('../src/ops/status/pods.js');
  const { workloadRows, workloadProblems } = await import('../src/ops/status/workloads.js');
  const { sortProblems } = await import('../src/ops/problems.js');
  const { podProblems } = await import('../src/ops/status/pods.js');
  const time = <T>(label: string, f: () => T): T => {
    const s = performance.now();
    const v = f();
    console.log(`  ${label.padEnd(14)} ${Math.round(performance.now() - s)} ms`);
    return v;
  };
  const views = time('events', () => o.events.map(viewEvent));
  const index = time('event index', () => new EventIndex(views));
  time('node rows', () => nodeRows(o.nodes, o.pods, undefined, 'v1.33.5'));
  const pr = time('pod rows', () => podRows(o.pods, index));
  const wr = time('workload rows', () => workloadRows(o.deployments, [], []));
  const wp = time('workload probs', () => workloadProblems(wr, pr));
  const pp = time('pod problems', () => podProblems(pr));
  time('sort problems', () => sortProblems([...wp, ...pp]));
}

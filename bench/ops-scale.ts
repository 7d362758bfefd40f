/**
 * `cost` and `upgrade plan` analyses over a large cluster's facts: 5,000 nodes
 * in 10 node groups over 3 zones, 150,000 pods (10,000 Deployments of 15
 * replicas, each with usage), 10,000 PDBs, 2,000 volumes, 5,000 snapshots and
 * 500 log groups; the upgrade plan also checks 160,000 objects against the
 * removed-API table. The facts are built in memory (the shape a live source
 * produces); the figures are the analysis alone, median of 5 runs.
 *
 * Run: npm run bench:ops   (offline)
 */

import { defineConfig } from '../src/config/load.js';
import { analyzeCost } from '../src/ops/cost/analyze.js';
import type { ContainerFacts, CostFacts, NodeFacts } from '../src/ops/cost/facts.js';
import { costDefaults } from '../src/ops/cost/params.js';
import { known } from '../src/ops/facts.js';
import type { UpgradeFacts } from '../src/ops/upgrade/facts.js';
import { planUpgrade } from '../src/ops/upgrade/plan.js';

const NODES = 5_000;
const DEPLOYMENTS = 10_000;
const REPLICAS = 15;
const GROUPS = 10;
const RUNS = 5;
const GI = 2 ** 30;
const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

const env = defineConfig({
  project: 'bench',
  environments: { prod: { preset: 'prod', alarms: { email: ['oncall@example.com'] } } },
}).environments.prod;

const groups = Array.from({ length: GROUPS }, (_, g) => ({
  name: `group-${g}`,
  capacity: g % 3 === 0 ? ('spot' as const) : ('onDemand' as const),
  instanceTypes: ['m6i.2xlarge'],
  min: 3,
  max: 1000,
  nodes: NODES / GROUPS,
  zones,
}));

const nodes: NodeFacts[] = Array.from({ length: NODES }, (_, i) => ({
  name: `ip-10-0-${Math.floor(i / 250)}-${i % 250}.ec2.internal`,
  nodeGroup: `group-${i % GROUPS}`,
  zone: zones[i % 3],
  instanceType: 'm6i.2xlarge',
  capacity: (i % GROUPS) % 3 === 0 ? 'spot' : 'on-demand',
  allocatable: { cpuMillis: 7910, memoryBytes: 30 * GI },
  requested: { cpuMillis: (i * 37) % 7000, memoryBytes: ((i * 13) % 28) * GI },
  workloadPods: i % 97 === 0 ? 0 : 30,
}));

const containers: ContainerFacts[] = Array.from({ length: DEPLOYMENTS }, (_, i) => ({
  namespace: `team-${i % 200}`,
  workloadKind: 'Deployment',
  workload: `svc-${i}`,
  container: 'app',
  pods: REPLICAS,
  requests: { cpuMillis: 500, memoryBytes: GI },
  limits: { cpuMillis: 1000, memoryBytes: GI },
  usage: known({ cpuMillis: 20 + (i % 700), memoryBytes: (128 + (i % 900)) * 2 ** 20, basis: 'window', window: '7d' }),
  ...(i % 5 === 0 ? { capacity: 'on-demand' as const } : {}),
  interruptible: i % 10 === 0,
  stateful: false,
}));

const costFacts: CostFacts = {
  environment: 'prod',
  region: 'us-east-1',
  clusterName: 'bench-prod',
  controlPlane: { version: '1.33', support: known('standard') },
  containers,
  nodeGroups: groups,
  nodes: known(nodes),
  volumes: Array.from({ length: 2_000 }, (_, i) => ({
    namespace: `team-${i % 200}`,
    claim: `data-db-${i}`,
    storageClass: i % 4 === 0 ? 'gp2' : 'gp3',
    volumeType: known(i % 4 === 0 ? 'gp2' : 'gp3'),
    sizeGi: 50 + (i % 500),
    phase: i % 50 === 0 ? ('Pending' as const) : ('Bound' as const),
    mounted: known(i % 30 !== 0),
    usedGi: known(10 + (i % 40)),
    tags: {},
  })),
  snapshots: known(Array.from({ length: 5_000 }, (_, i) => ({ id: `snap-${i}`, sizeGi: 50, ageDays: i % 60 }))),
  logGroups: known(
    Array.from({ length: 500 }, (_, i) => ({
      name: `/bench/${i}`,
      ...(i % 7 === 0 ? {} : { retentionDays: i % 2 ? 30 : 365 }),
      storedBytes: known(i * 1e8),
    })),
  ),
};

const upgradeFacts: UpgradeFacts = {
  environment: 'prod',
  clusterName: 'bench-prod',
  region: 'us-east-1',
  current: '1.33',
  nodeGroups: groups.map((g) => g.name),
  objects: Array.from({ length: DEPLOYMENTS * (REPLICAS + 1) }, (_, i) => ({
    apiVersion: i % 1000 === 0 ? 'policy/v1beta1' : i % REPLICAS ? 'v1' : 'apps/v1',
    kind: i % 1000 === 0 ? 'PodDisruptionBudget' : i % REPLICAS ? 'Pod' : 'Deployment',
    name: `obj-${i}`,
    namespace: `team-${i % 200}`,
  })),
  pdbs: Array.from({ length: DEPLOYMENTS }, (_, i) => ({
    namespace: `team-${i % 200}`,
    name: `svc-${i}`,
    minAvailable: i % 100 === 0 ? REPLICAS : 1,
    disruptionsAllowed: i % 250 === 0 ? 0 : 1,
    workloads: [{ kind: 'Deployment', name: `svc-${i}`, replicas: REPLICAS }],
  })),
  workloads: Array.from({ length: DEPLOYMENTS }, (_, i) => ({
    kind: 'Deployment',
    namespace: `team-${i % 200}`,
    name: `svc-${i}`,
    replicas: i % 400 === 0 ? 1 : REPLICAS,
  })),
  kubelets: known(nodes.map((n, i) => ({ node: n.name, version: i % 1000 === 0 ? '1.29' : '1.33' }))),
  controlPlaneSubnets: known([
    { id: 'subnet-a', freeIps: 120 },
    { id: 'subnet-b', freeIps: 4 },
    { id: 'subnet-c', freeIps: 300 },
  ]),
  addons: ['vpc-cni', 'coredns', 'kube-proxy'],
  charts: ['clusterAutoscaler'],
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result = fn();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const params = costDefaults(env);
const cost = time(() => analyzeCost(costFacts, params));
const upgrade = time(() => planUpgrade(upgradeFacts, { isInstalled: () => true }));
const rssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
console.log(
  JSON.stringify(
    {
      nodes: NODES,
      pods: DEPLOYMENTS * REPLICAS,
      cost: { ms: Math.round(cost.ms), items: cost.result.items.length, saving: cost.result.totalMonthlySaving },
      upgrade: {
        ms: Math.round(upgrade.ms),
        problems: upgrade.result.problems.length,
        blockers: upgrade.result.blockers,
      },
      rssMB,
    },
    null,
    2,
  ),
);

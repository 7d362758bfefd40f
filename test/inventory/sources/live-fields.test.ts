import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { Inventory } from '../../../src/inventory/inventory.js';
import { kubeResource } from '../../../src/inventory/memory.js';
import { collectLiveInventory } from '../../../src/inventory/sources/live.js';
import { type FieldList, keepRuleFields, RULE_FIELDS } from '../../../src/inventory/sources/live-fields.js';
import { needsOf } from '../../../src/inventory/sources/needs.js';
import type { KubeObject } from '../../../src/inventory/types.js';
import { loadRules } from '../../../src/rules/engine/load-rules.js';
import { verify } from '../../../src/rules/engine/verify.js';
import type { Rule } from '../../../src/rules/types.js';
import { type AccountMocks, CLUSTER, ECR_IMAGE, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';
import { startBadMorningServer } from '../../support/bad-morning-live.js';
import { type FakeKubeServer, startFakeKubeServer } from '../../support/fake-kube-server.js';
import { droppedReads, FieldReads } from '../../support/field-reads.js';
import { exampleEnv } from '../../support/live-inventory.js';
import { badMorningKube } from '../../support/ops-fixtures.js';
import { liveShopObjects } from '../../support/ops-live-cluster.js';

type Obj = Record<string, unknown>;

const { now } = badMorningKube();
const today = new Date(now);

/**
 * Pods, Nodes and ReplicaSets with what the fixtures lack: a bare pod, init containers, suppressions, taints,
 * and a pod running an image of the mocked account's ECR (its scan findings) under a Pod Identity association.
 */
function oddObjects(): Record<string, Obj[]> {
  const labels = { app: 'batch' };
  const status = (restarts: number, waiting?: string) => ({
    name: 'main',
    ready: false,
    restartCount: restarts,
    image: 'example/batch:1',
    imageID: 'docker-pullable://example/batch@sha256:00',
    containerID: 'containerd://0a',
    lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    state: waiting ? { waiting: { reason: waiting, message: 'back-off 5m0s' } } : { running: { startedAt: now } },
  });
  return {
    Pod: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'debug',
          namespace: 'batch',
          uid: 'pod-debug',
          resourceVersion: '42',
          creationTimestamp: now,
          labels,
          annotations: {
            'slipway.io/ignore.security.host-namespaces': 'a debugging pod, removed after the incident',
            'slipway.io/ignore.not-a-rule': 'no such rule',
          },
        },
        spec: {
          hostNetwork: true,
          hostPID: true,
          nodeName: 'ip-10-9-0-1',
          serviceAccount: 'debugger',
          volumes: [{ name: 'root', hostPath: { path: '/' } }],
          initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }],
          containers: [
            {
              name: 'main',
              image: 'example/batch:1',
              env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'value' } } }],
              securityContext: { capabilities: { add: ['NET_ADMIN'] }, runAsUser: 0 },
              volumeMounts: [{ name: 'root', mountPath: '/host' }],
            },
          ],
        },
        status: {
          phase: 'Running',
          podIP: '10.9.0.7',
          hostIP: '10.9.0.1',
          startTime: now,
          conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }],
          initContainerStatuses: [{ ...status(9, 'CrashLoopBackOff'), name: 'init' }],
          containerStatuses: [status(40)],
          ephemeralContainerStatuses: [status(0)],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'batch-7f-abcde',
          namespace: 'batch',
          generateName: 'batch-7f-',
          labels: { ...labels, 'pod-template-hash': '7f' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'batch-7f', controller: true }],
        },
        spec: { nodeName: 'ip-10-9-0-2', containers: [{ name: 'main', image: 'example/batch:1' }] },
        status: { phase: 'Running', containerStatuses: [status(3, 'CrashLoopBackOff')] },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'orders-5d-x1',
          namespace: 'shop',
          labels: { app: 'orders' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'orders-5d', controller: true }],
        },
        spec: { serviceAccountName: 'orders', containers: [{ name: 'orders', image: ECR_IMAGE }] },
        status: { phase: 'Running', containerStatuses: [{ ...status(0), name: 'orders', image: ECR_IMAGE }] },
      },
    ],
    ReplicaSet: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: 'batch-7f',
          namespace: 'batch',
          labels: { ...labels, 'pod-template-hash': '7f' },
          annotations: { 'deployment.kubernetes.io/revision': '3' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'batch', controller: true }],
        },
        spec: {
          replicas: 1,
          selector: { matchLabels: { ...labels, 'pod-template-hash': '7f' } },
          template: {
            metadata: { labels: { ...labels, 'pod-template-hash': '7f' } },
            spec: { containers: [{ name: 'main', image: 'example/batch:1' }] },
          },
        },
        status: { replicas: 1, readyReplicas: 0, observedGeneration: 3 },
      },
    ],
    Node: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'ip-10-9-0-1',
          labels: { 'topology.kubernetes.io/zone': 'us-east-1a', 'karpenter.sh/capacity-type': 'spot' },
          annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
        },
        spec: {
          providerID: 'aws:///us-east-1a/i-0a',
          taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }],
        },
        status: {
          nodeInfo: { kubeletVersion: 'v1.34.1-eks-1' },
          images: [{ names: ['example/batch:1'], sizeBytes: 1000 }],
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      },
    ],
  };
}

let rules: readonly Rule[];
let aws: AccountMocks | undefined;
let server: FakeKubeServer | undefined;
beforeEach(async () => {
  isolateAwsEnv();
  rules ??= await loadRules();
});
afterEach(async () => {
  aws?.restore();
  aws = undefined;
  await server?.close();
  server = undefined;
});

/**
 * The bad-morning cluster (every kind the rules read), or the shop cluster with the odd objects above; the
 * mocked account beside either, so that the rules that join pods to AWS facts run to the end.
 */
async function start(which: 'bad-morning' | 'shop', envName: 'prod' | 'test'): Promise<EnvironmentConfig> {
  aws = mockAccount();
  if (which === 'bad-morning') server = await startBadMorningServer();
  else {
    const objects: Record<string, Obj[]> = liveShopObjects();
    for (const [kind, list] of Object.entries(oddObjects())) objects[kind] = [...(objects[kind] ?? []), ...list];
    server = await startFakeKubeServer({ objects });
  }
  return { ...(await exampleEnv(envName)), clusterName: CLUSTER, region: 'us-east-1' };
}

function collect(env: EnvironmentConfig, fields: 'all' | 'rules'): Promise<Inventory> {
  return collectLiveInventory({
    needs: needsOf(rules),
    env,
    kube: { kubeconfig: server?.kubeconfigPath, fields },
    aws: { region: 'us-east-1' },
  });
}

/** Runs verify over the inventory with every object of a listed kind watched; returns what was read of each kind. */
function readsOfVerify(inv: Inventory, env: EnvironmentConfig): Map<string, string[]> {
  const reads = new FieldReads();
  const watched = new Inventory({
    kube: inv.kubeResources.map((r) => kubeResource(reads.watch(r.object), r.source)),
    aws: inv.awsResources,
    coverage: inv.coverage,
  });
  verify(watched, { env, rules, now: today });
  return reads.byKind();
}

const CASES = [
  ['bad-morning', 'prod'],
  ['bad-morning', 'test'],
  ['shop', 'prod'],
  ['shop', 'test'],
] as const;

describe('the fields a live verify keeps (RULE_FIELDS)', () => {
  it.each(CASES)(
    'keep every field verify reads of a Pod, Node or ReplicaSet (%s cluster, %s)',
    async (which, envName) => {
      const env = await start(which, envName);
      const reads = readsOfVerify(await collect(env, 'all'), env);
      expect(droppedReads(reads, RULE_FIELDS)).toEqual([]);
      // The trace sees what the rules look at: the crash-loop rule's restarts, the zone rule's node labels.
      expect(reads.get('Pod')).toContain('status.containerStatuses.[].restartCount');
      expect(reads.get('Node')).toContain('metadata.labels.topology.kubernetes.io/zone');
    },
  );

  it.each(CASES)('give the same report as whole objects (%s cluster, %s)', async (which, envName) => {
    const env = await start(which, envName);
    const whole = verify(await collect(env, 'all'), { env, rules, now: today });
    const trimmed = verify(await collect(env, 'rules'), { env, rules, now: today });
    expect(trimmed).toEqual(whole);
    expect(whole.findings.length).toBeGreaterThan(0);
  });

  it('are checked: a list that drops the restarts the crash-loop rule reads is caught', async () => {
    const env = await start('shop', 'prod');
    const reads = readsOfVerify(await collect(env, 'all'), env);
    const pod = RULE_FIELDS.Pod as { readonly [field: string]: FieldList };
    const narrower = {
      ...RULE_FIELDS,
      Pod: { ...pod, status: { containerStatuses: [{ name: true, state: true }] } } as FieldList,
    };
    expect(droppedReads(reads, narrower)).toEqual(
      expect.arrayContaining(['Pod status.containerStatuses.[].restartCount', 'Pod status.initContainerStatuses']),
    );
  });
});

describe('keepRuleFields', () => {
  const [debug] = oddObjects().Pod as unknown as KubeObject[];

  it("drops a pod's uid, times, IPs, conditions and images of its statuses, and keeps its spec whole", () => {
    const kept = keepRuleFields(debug) as unknown as Obj;
    expect(Object.keys(kept.metadata as Obj)).toEqual(['name', 'namespace', 'labels', 'annotations']);
    expect(kept.spec).toBe(debug.spec);
    expect(kept.status).toEqual({
      initContainerStatuses: [
        { name: 'init', restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } } },
      ],
      containerStatuses: [{ name: 'main', restartCount: 40, state: {} }],
    });
  });

  it('leaves the object it was given as it was', () => {
    const before = structuredClone(debug);
    keepRuleFields(debug);
    expect(debug).toEqual(before);
  });

  it("drops a node's status and keeps its labels and spec", () => {
    const [n] = oddObjects().Node as unknown as KubeObject[];
    const kept = keepRuleFields(n) as unknown as Obj;
    expect(Object.keys(kept)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect((kept.metadata as Obj).labels).toBe(n.metadata.labels);
  });

  it('keeps a value whole when its shape is not the one the list describes', () => {
    const odd = { ...debug, status: { containerStatuses: 'unexpected', initContainerStatuses: [7] } } as KubeObject;
    expect((keepRuleFields(odd) as unknown as Obj).status).toEqual({
      containerStatuses: 'unexpected',
      initContainerStatuses: [7],
    });
  });

  it('returns objects of kinds without a list as they are', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', uid: 'u' }, status: {} };
    expect(keepRuleFields(d as KubeObject)).toBe(d);
  });
});

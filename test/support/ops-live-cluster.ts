import { connectLive, type LiveConnection } from '../../src/live/connect.js';
import {
  BUILTIN_RESOURCES,
  type FakeKubeOptions,
  type FakeKubeServer,
  METRICS_RESOURCES,
  startFakeKubeServer,
} from './fake-kube-server.js';

/**
 * A small running shop-prod cluster for the live analyses (cost, upgrade
 * plan, dr): two nodes of the on-demand group and one spot node, a Deployment
 * of two pods (with its ReplicaSet), a PostgreSQL StatefulSet whose claim is
 * bound to an EBS volume (vol-pg), an unmounted gp2 claim (vol-old), PDBs,
 * an Ingress applied as networking.k8s.io/v1beta1, and metrics.k8s.io samples.
 */
type Obj = Record<string, unknown>;

const nodeOf = (name: string, group: string, capacity: string, zone: string, kubelet: string): Obj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'slipway.io/node-group': group,
      'slipway.io/capacity': capacity,
      'topology.kubernetes.io/zone': zone,
      'node.kubernetes.io/instance-type': 'm6i.large',
    },
  },
  status: {
    allocatable: { cpu: '1930m', memory: '7Gi' },
    nodeInfo: { kubeletVersion: kubelet },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});

const container = (name: string, cpu: string, memory: string) => ({
  name,
  image: `example/${name}:1.0.0`,
  resources: { requests: { cpu, memory }, limits: { memory } },
});

const apiLabels = { app: 'api' };

function apiPod(i: number, nodeName: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `api-5d9c7-${i}`,
      namespace: 'backend',
      labels: { ...apiLabels, 'pod-template-hash': '5d9c7' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'api-5d9c7', controller: true }],
    },
    spec: { nodeName, containers: [container('api', '1', '2Gi')] },
    status: { phase: 'Running' },
  };
}

function postgresPod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'postgres-0',
      namespace: 'data',
      labels: { app: 'postgres' },
      ownerReferences: [{ kind: 'StatefulSet', name: 'postgres', controller: true }],
    },
    spec: {
      nodeName: 'ip-10-0-2-1',
      containers: [container('postgres', '500m', '1Gi')],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-postgres-0' } }],
    },
    status: { phase: 'Running' },
  };
}

const claim = (namespace: string, name: string, sc: string, size: string, volumeName: string): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace },
  spec: { storageClassName: sc, volumeName, resources: { requests: { storage: size } } },
  status: { phase: 'Bound' },
});

const volume = (name: string, handle: string, namespace: string, claimName: string): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    csi: { driver: 'ebs.csi.aws.com', volumeHandle: handle },
    claimRef: { namespace, name: claimName },
  },
  status: { phase: 'Bound' },
});

export function liveShopObjects(): Record<string, Obj[]> {
  return {
    Node: [
      nodeOf('ip-10-0-1-1', 'on-demand', 'on-demand', 'us-east-1a', 'v1.34.2-eks-1'),
      nodeOf('ip-10-0-2-1', 'on-demand', 'on-demand', 'us-east-1b', 'v1.34.2-eks-1'),
      nodeOf('ip-10-0-3-1', 'spot', 'spot', 'us-east-1c', 'v1.30.9-eks-1'),
    ],
    Deployment: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api', namespace: 'backend', labels: apiLabels },
        spec: {
          replicas: 2,
          selector: { matchLabels: apiLabels },
          template: { metadata: { labels: apiLabels }, spec: { containers: [container('api', '1', '2Gi')] } },
        },
      },
    ],
    ReplicaSet: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: 'api-5d9c7',
          namespace: 'backend',
          labels: { ...apiLabels, 'pod-template-hash': '5d9c7' },
          ownerReferences: [{ kind: 'Deployment', name: 'api', controller: true }],
        },
        spec: { replicas: 2, selector: { matchLabels: apiLabels }, template: { metadata: { labels: apiLabels } } },
      },
    ],
    StatefulSet: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'postgres', namespace: 'data', labels: { app: 'postgres' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'postgres' } },
          template: {
            metadata: { labels: { app: 'postgres' } },
            spec: {
              nodeSelector: { 'slipway.io/capacity': 'on-demand' },
              containers: [container('postgres', '500m', '1Gi')],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: { storageClassName: 'gp3', resources: { requests: { storage: '100Gi' } } },
            },
          ],
        },
      },
    ],
    Pod: [apiPod(0, 'ip-10-0-1-1'), apiPod(1, 'ip-10-0-2-1'), postgresPod()],
    PersistentVolumeClaim: [
      claim('data', 'data-postgres-0', 'gp3', '100Gi', 'pv-pg'),
      claim('data', 'scratch', 'gp2', '50Gi', 'pv-old'),
    ],
    PersistentVolume: [
      volume('pv-pg', 'vol-pg', 'data', 'data-postgres-0'),
      volume('pv-old', 'vol-old', 'data', 'scratch'),
    ],
    StorageClass: [
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'gp3' },
        provisioner: 'ebs.csi.aws.com',
        parameters: { type: 'gp3', tagSpecification_1: 'backup=daily' },
      },
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'gp2' },
        provisioner: 'ebs.csi.aws.com',
        parameters: { type: 'gp2' },
      },
    ],
    PodDisruptionBudget: [
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'postgres', namespace: 'data' },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'postgres' } } },
        status: { disruptionsAllowed: 0 },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'api', namespace: 'backend' },
        spec: { maxUnavailable: 1, selector: { matchLabels: apiLabels } },
        status: { disruptionsAllowed: 1 },
      },
    ],
    Ingress: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: 'api',
          namespace: 'backend',
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
              apiVersion: 'networking.k8s.io/v1beta1',
              kind: 'Ingress',
              metadata: { name: 'api', namespace: 'backend' },
            }),
          },
        },
        spec: { rules: [] },
      },
    ],
    PodMetrics: [
      ...[0, 1].map((i) => ({
        metadata: { name: `api-5d9c7-${i}`, namespace: 'backend', labels: { 'pod-template-hash': '5d9c7' } },
        containers: [{ name: 'api', usage: { cpu: i === 0 ? '80m' : '120m', memory: '300Mi' } }],
      })),
      {
        metadata: { name: 'postgres-0', namespace: 'data' },
        containers: [{ name: 'postgres', usage: { cpu: '200m', memory: '700Mi' } }],
      },
    ],
  };
}

export interface LiveShop {
  readonly server: FakeKubeServer;
  readonly conn: LiveConnection;
}

/** The fake server holding the shop cluster (with metrics.k8s.io) and a connection to it; AWS read when `aws` (mock it first). */
export async function liveShop(options: Partial<FakeKubeOptions> = {}, aws = false): Promise<LiveShop> {
  const server = await startFakeKubeServer({
    resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES],
    objects: liveShopObjects(),
    ...options,
  });
  const conn = await connectLive({
    kubeconfig: server.kubeconfigPath,
    aws: aws ? { region: 'us-east-1' } : false,
  });
  return { server, conn };
}

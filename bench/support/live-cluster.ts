/**
 * The fake cluster of the live-verify scale benchmark (bench/live-scale.ts): Nodes, Deployments, their
 * ReplicaSets and 30 pods each, spread over 100 namespaces and 3 zones. Each object is built from its
 * index alone, so the fake API server can generate a page when it is asked for and never hold the
 * whole cluster. One Deployment in ten has a container without requests, probes or a security context,
 * one pod in 997 has restarted and one in 4,999 is in CrashLoopBackOff, so the rules have findings.
 */

/** Pods per Deployment (and per ReplicaSet). */
export const REPLICAS = 30;
const NAMESPACES = 100;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The objects by kind, as startFakeKubeServer takes them: namespaces as an array, the rest generated per index. */
export function liveClusterObjects(scale: { readonly nodes: number; readonly deployments: number }) {
  return {
    Namespace: Array.from({ length: NAMESPACES }, (_, i) => ({ metadata: { name: `ns-${i}` } })),
    Node: { count: scale.nodes, at: node },
    Deployment: { count: scale.deployments, at: deployment },
    ReplicaSet: { count: scale.deployments, at: replicaSet },
    Pod: { count: scale.deployments * REPLICAS, at: (p: number) => pod(p, scale.nodes) },
  };
}

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

/** The p-th pod, on one of `nodes` nodes. */
function pod(p: number, nodes: number) {
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
    spec: { nodeName: nodeName(p % nodes), serviceAccountName: `app-${d}`, containers: [container(d)] },
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

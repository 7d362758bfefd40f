/** Small Kubernetes objects for live-source tests. */
type Obj = Record<string, unknown>;

export function deployment(name: string, namespace: string, replicas = 1, extra: { image?: string } = {}): Obj {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image: extra.image ?? `example/${name}:1.0.0` }] },
      },
    },
  };
}

export function node(name: string, zone: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'topology.kubernetes.io/zone': zone, 'kubernetes.io/hostname': name },
    },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export function namespace(name: string): Obj {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function pod(
  name: string,
  namespace: string,
  opts: { restarts?: number; waiting?: string; image?: string } = {},
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: name } },
    spec: { containers: [{ name: 'app', image: opts.image ?? 'example/app:1.0.0' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          restartCount: opts.restarts ?? 0,
          state: opts.waiting ? { waiting: { reason: opts.waiting } } : { running: {} },
        },
      ],
    },
  };
}

export function networkPolicy(name: string, namespace: string): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  };
}

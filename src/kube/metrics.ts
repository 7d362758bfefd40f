import { apiError, parseBody } from './errors.js';
import type { KubeTransport } from './transport.js';
import type { ObjectMeta } from './types.js';

/** Resource usage as metrics.k8s.io reports it: quantities such as `250m` and `512Mi`. */
export interface Usage {
  readonly cpu?: string;
  readonly memory?: string;
}

export interface NodeMetrics {
  readonly metadata: ObjectMeta;
  readonly timestamp?: string;
  readonly window?: string;
  readonly usage: Usage;
}

export interface PodMetrics {
  readonly metadata: ObjectMeta;
  readonly timestamp?: string;
  readonly window?: string;
  readonly containers: readonly { readonly name: string; readonly usage: Usage }[];
}

/** Live usage, or why there is none: metrics.k8s.io not served (no metrics-server), unavailable, or forbidden. */
export type MetricsRead<T> =
  | { readonly served: true; readonly items: readonly T[] }
  | { readonly served: false; readonly reason: string };

const BASE = '/apis/metrics.k8s.io/v1beta1';

/** Statuses meaning "no usage can be shown" rather than a broken connection. */
const NOT_SERVED: Readonly<Record<number, string>> = {
  404: 'metrics.k8s.io is not served by this cluster (is metrics-server installed?)',
  503: 'metrics.k8s.io is registered but its server does not answer (metrics-server unavailable)',
  403: 'forbidden: list metrics.k8s.io (RBAC)',
};

async function readMetrics<T>(transport: KubeTransport, path: string): Promise<MetricsRead<T>> {
  const res = await transport.get(path);
  const why = NOT_SERVED[res.status];
  if (why) return { served: false, reason: `${why}; GET ${path} answered ${res.status}` };
  if (res.status !== 200) throw apiError(res.status, path, res.body);
  const list = parseBody(res.body, path) as { items?: T[] | null };
  return { served: true, items: list?.items ?? [] };
}

/** Every node's current CPU and memory use (GET /apis/metrics.k8s.io/v1beta1/nodes). */
export function readNodeMetrics(transport: KubeTransport): Promise<MetricsRead<NodeMetrics>> {
  return readMetrics(transport, `${BASE}/nodes`);
}

/** Each pod's current use per container, in one namespace or all. */
export function readPodMetrics(transport: KubeTransport, namespace?: string): Promise<MetricsRead<PodMetrics>> {
  const path = namespace ? `${BASE}/namespaces/${encodeURIComponent(namespace)}/pods` : `${BASE}/pods`;
  return readMetrics(transport, path);
}

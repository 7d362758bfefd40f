import { apiError } from './errors.js';
import type { KubeTransport } from './transport.js';

/** What part of a container's log to read; every field maps to the API's query parameter of the same name. */
export interface PodLogOptions {
  /** The container; required by the API server when the pod has more than one. */
  readonly container?: string;
  /** The log of the previous (terminated) instance of the container: why it crashed. */
  readonly previous?: boolean;
  /** Only the last N lines. */
  readonly tailLines?: number;
  /** Only lines written in the last N seconds. */
  readonly sinceSeconds?: number;
  /** At most N bytes of log (the server cuts the log there); the transport's size bound holds regardless. */
  readonly limitBytes?: number;
}

/** `/api/v1/namespaces/<ns>/pods/<pod>/log?…` for these options; numbers must be positive whole numbers. */
export function podLogPath(namespace: string, pod: string, options: PodLogOptions = {}): string {
  const query = new URLSearchParams();
  if (options.container) query.set('container', options.container);
  if (options.previous) query.set('previous', 'true');
  for (const key of ['tailLines', 'sinceSeconds', 'limitBytes'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`pod log ${key} must be a positive whole number; got ${value} (pod ${namespace}/${pod})`);
    }
    query.set(key, String(value));
  }
  const qs = query.toString();
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log${qs ? `?${qs}` : ''}`;
}

/**
 * The text of a container's log (GET only, through the bounded transport).
 * A pod that does not exist, or a previous instance that never ran, is a
 * KubeApiError with the server's message (404, 400).
 */
export async function readPodLog(
  transport: KubeTransport,
  namespace: string,
  pod: string,
  options: PodLogOptions = {},
): Promise<string> {
  const path = podLogPath(namespace, pod, options);
  const res = await transport.get(path, { accept: 'text/plain, */*' });
  if (res.status !== 200) throw apiError(res.status, path, res.body);
  return res.body;
}

/** One Container Insights application log event (Fluent Bit's JSON with the pod's metadata), or a plain line. */
export interface LogLine {
  readonly text: string;
  readonly namespace?: string;
  readonly pod?: string;
  readonly container?: string;
  readonly app?: string;
}

interface FluentBitRecord {
  log?: string;
  message?: string;
  kubernetes?: {
    namespace_name?: string;
    pod_name?: string;
    container_name?: string;
    labels?: Record<string, string>;
  };
}

export function parseLogEvent(message: string): LogLine {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{')) return { text: trimmed };
  let record: FluentBitRecord;
  try {
    record = JSON.parse(trimmed) as FluentBitRecord;
  } catch {
    return { text: trimmed };
  }
  const k = record.kubernetes ?? {};
  const app = k.labels?.['app.kubernetes.io/name'] ?? k.labels?.app;
  return {
    text: String(record.log ?? record.message ?? trimmed).trim(),
    ...(k.namespace_name ? { namespace: k.namespace_name } : {}),
    ...(k.pod_name ? { pod: k.pod_name } : {}),
    ...(k.container_name ? { container: k.container_name } : {}),
    ...(app ? { app } : {}),
  };
}

/** The workload a pod name belongs to: Deployment pods end in -<hash>-<id>, StatefulSet pods in -<ordinal>. */
export function workloadOfPodName(pod: string): string {
  const deployment = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(pod);
  if (deployment) return deployment[1];
  const ordinal = /^(.+)-\d+$/.exec(pod);
  if (ordinal) return ordinal[1];
  const single = /^(.+)-[a-z0-9]{5}$/.exec(pod);
  return single ? single[1] : pod;
}

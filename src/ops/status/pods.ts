import type { KubeObject } from '../../inventory/types.js';
import type { EventIndex } from '../common/events.js';
import { namespaceOf, nodeNameOf, podPhase, workloadOfPod } from '../common/kube-reads.js';
import { describeTermination, isUnscheduled, podTroubles } from '../common/pod-troubles.js';
import { formatBytes, memoryLimitOf } from '../common/resources.js';
import type { OpsProblem, ProblemSeverity } from '../problems.js';
import type { PodRow } from './types.js';

function warningOf(events: EventIndex, pod: KubeObject, reason?: string): PodRow['latestWarning'] {
  const e = events.latestWarning({ kind: 'Pod', name: pod.metadata.name, namespace: namespaceOf(pod) }, reason);
  return e ? { reason: e.reason, message: e.message, last: e.last } : undefined;
}

/** "exit 137 (OOMKilled), memory limit 256Mi": an OOM kill is read next to the limit that caused it. */
function terminationDetail(pod: KubeObject, t: ReturnType<typeof podTroubles>[number]): string | undefined {
  const text = describeTermination(t.lastTermination);
  if (t.lastTermination?.reason !== 'OOMKilled' && t.kind !== 'oom-killed') return text;
  const limit = memoryLimitOf(pod, t.container);
  return `${text ?? 'OOMKilled'}, ${limit !== undefined ? `memory limit ${formatBytes(limit)}` : 'no memory limit'}`;
}

/** Whether a Warning says more than the row's reason (BackOff and "Error: ImagePullBackOff" only repeat it). */
export function addsToReason(w: PodRow['latestWarning'], row: { reason: string; detail?: string }): boolean {
  return w !== undefined && w.reason !== 'BackOff' && !w.message.includes(row.reason) && w.message !== row.detail;
}

/** Pods crash-looping, OOMKilled, failing to pull their image or to be scheduled, one row per cause. */
export function podRows(pods: readonly KubeObject[], events: EventIndex): PodRow[] {
  const rows: PodRow[] = [];
  for (const pod of pods) {
    const troubles = podTroubles(pod);
    // Most pods are healthy: only a troubled one is described further.
    if (troubles.length === 0 && !isUnscheduled(pod) && podPhase(pod) !== 'Failed') continue;
    const base = {
      namespace: namespaceOf(pod),
      name: pod.metadata.name,
      workload: workloadOfPod(pod),
      ...(nodeNameOf(pod) ? { node: nodeNameOf(pod) } : {}),
    };
    const latest = warningOf(events, pod);
    for (const t of troubles) {
      const detail = t.kind === 'crash-loop' || t.kind === 'oom-killed' ? terminationDetail(pod, t) : t.message;
      rows.push({
        ...base,
        reason: t.reason,
        container: t.container,
        restarts: t.restarts,
        ...(detail ? { detail } : {}),
        ...(latest ? { latestWarning: latest } : {}),
      });
    }
    if (isUnscheduled(pod)) {
      const scheduling = warningOf(events, pod, 'FailedScheduling');
      const condition = (
        pod.status as { conditions?: { type: string; message?: string }[] } | undefined
      )?.conditions?.find((c) => c.type === 'PodScheduled');
      const detail = scheduling?.message ?? condition?.message;
      rows.push({
        ...base,
        reason: 'Pending',
        restarts: 0,
        ...(detail ? { detail } : {}),
        ...((scheduling ?? latest) ? { latestWarning: scheduling ?? latest } : {}),
      });
    } else if (podPhase(pod) === 'Failed') {
      const reason = (pod.status as { reason?: string } | undefined)?.reason ?? 'Failed';
      const message = (pod.status as { message?: string } | undefined)?.message;
      rows.push({
        ...base,
        reason,
        restarts: 0,
        ...(message ? { detail: message } : {}),
        ...(latest ? { latestWarning: latest } : {}),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.reason.localeCompare(b.reason),
  );
}

const CODE: Record<string, { code: string; severity: ProblemSeverity }> = {
  CrashLoopBackOff: { code: 'pod.crash-loop', severity: 'critical' },
  OOMKilled: { code: 'pod.oom-killed', severity: 'warning' },
  ImagePullBackOff: { code: 'pod.image-pull', severity: 'critical' },
  ErrImagePull: { code: 'pod.image-pull', severity: 'critical' },
  InvalidImageName: { code: 'pod.image-pull', severity: 'critical' },
  Pending: { code: 'pod.pending', severity: 'warning' },
};

export function podProblems(rows: readonly PodRow[]): OpsProblem[] {
  return rows.map((r): OpsProblem => {
    // A crash loop whose last termination was an OOM kill is named for the kill: the limit is the cause.
    const oom = r.reason === 'CrashLoopBackOff' && r.detail?.includes('OOMKilled');
    const c = oom
      ? { code: 'pod.oom-killed', severity: 'critical' as const }
      : (CODE[r.reason] ?? { code: 'pod.failed', severity: 'warning' as const });
    const container = r.container ? ` (container ${r.container})` : '';
    const restarts = r.restarts > 0 ? `, ${r.restarts} restart${r.restarts === 1 ? '' : 's'}` : '';
    const w = r.latestWarning;
    const cause = [r.detail, w && addsToReason(w, r) ? `${w.reason}: ${w.message}` : undefined]
      .filter(Boolean)
      .join('; ');
    const next =
      r.reason === 'CrashLoopBackOff' || r.reason === 'OOMKilled'
        ? `kubectl logs pod/${r.name} -n ${r.namespace}${r.container ? ` -c ${r.container}` : ''} --previous`
        : `kubectl describe pod/${r.name} -n ${r.namespace}`;
    return {
      severity: c.severity,
      code: c.code,
      object: { kind: 'Pod', name: r.name, namespace: r.namespace },
      what: `${r.reason}${container}${restarts}`,
      ...(cause ? { cause } : {}),
      next,
      source: 'kubernetes',
    };
  });
}

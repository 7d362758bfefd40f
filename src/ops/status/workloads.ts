import type { KubeObject } from '../../inventory/types.js';
import { conditionOf, namespaceOf, specNumber, statusNumber } from '../common/kube-reads.js';
import type { OpsProblem } from '../problems.js';
import type { PodRow, WorkloadRow } from './types.js';

function deploymentRow(d: KubeObject): WorkloadRow | undefined {
  const desired = specNumber(d, 'replicas', 1);
  const ready = statusNumber(d, 'readyReplicas');
  const updated = statusNumber(d, 'updatedReplicas');
  const unavailable = statusNumber(d, 'unavailableReplicas');
  const progressing = conditionOf(d, 'Progressing');
  const base = {
    kind: 'Deployment' as const,
    namespace: namespaceOf(d),
    name: d.metadata.name,
    desired,
    ready,
    updated,
    unavailable,
  };
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded')
    return { ...base, reason: 'ProgressDeadlineExceeded' };
  if (unavailable > 0 || ready < desired)
    return { ...base, reason: `${Math.max(unavailable, desired - ready)} unavailable` };
  return undefined;
}

function statefulSetRow(s: KubeObject): WorkloadRow | undefined {
  const desired = specNumber(s, 'replicas', 1);
  const ready = statusNumber(s, 'readyReplicas');
  const updated = statusNumber(s, 'updatedReplicas');
  if (ready >= desired) return undefined;
  return {
    kind: 'StatefulSet',
    namespace: namespaceOf(s),
    name: s.metadata.name,
    desired,
    ready,
    updated,
    unavailable: desired - ready,
    reason: `${desired - ready} of ${desired} not ready`,
  };
}

function daemonSetRow(s: KubeObject): WorkloadRow | undefined {
  const desired = statusNumber(s, 'desiredNumberScheduled');
  const ready = statusNumber(s, 'numberReady');
  const unavailable = statusNumber(s, 'numberUnavailable');
  const misscheduled = statusNumber(s, 'numberMisscheduled');
  if (ready >= desired && unavailable === 0 && misscheduled === 0) return undefined;
  return {
    kind: 'DaemonSet',
    namespace: namespaceOf(s),
    name: s.metadata.name,
    desired,
    ready,
    updated: statusNumber(s, 'updatedNumberScheduled'),
    unavailable: Math.max(unavailable, desired - ready),
    reason: misscheduled > 0 ? `${misscheduled} misscheduled` : `${Math.max(unavailable, desired - ready)} unavailable`,
  };
}

/** Deployments whose rollout is stuck or short of replicas, and degraded StatefulSets and DaemonSets. */
export function workloadRows(
  deployments: readonly KubeObject[],
  statefulSets: readonly KubeObject[],
  daemonSets: readonly KubeObject[],
): WorkloadRow[] {
  const rows = [
    ...deployments.map(deploymentRow),
    ...statefulSets.map(statefulSetRow),
    ...daemonSets.map(daemonSetRow),
  ].filter((r): r is WorkloadRow => r !== undefined);
  return rows.sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
}

/** One problem per row; the cause names the troubled pods of the workload when there are any. */
export function workloadProblems(rows: readonly WorkloadRow[], pods: readonly PodRow[]): OpsProblem[] {
  const byWorkload = new Map<string, PodRow[]>();
  for (const p of pods) {
    const key = `${p.namespace}\u0000${p.workload.kind}\u0000${p.workload.name}`;
    const list = byWorkload.get(key);
    if (list) list.push(p);
    else byWorkload.set(key, [p]);
  }
  return rows.map((r): OpsProblem => {
    const mine = byWorkload.get(`${r.namespace}\u0000${r.kind}\u0000${r.name}`) ?? [];
    const cause = mine.length ? `pods: ${mine.map((p) => `${p.name} ${p.reason}`).join(', ')}` : undefined;
    const stuck = r.reason === 'ProgressDeadlineExceeded';
    return {
      severity: stuck || r.ready === 0 ? 'critical' : 'warning',
      code: stuck ? 'rollout.stuck' : `${r.kind.toLowerCase()}.degraded`,
      object: { kind: r.kind, name: r.name, namespace: r.namespace },
      what: `${stuck ? 'rollout stuck (ProgressDeadlineExceeded)' : r.reason}: ${r.ready}/${r.desired} ready, ${r.updated} updated`,
      ...(cause ? { cause } : {}),
      next: `slipway doctor ${r.kind.toLowerCase()}/${r.name} -n ${r.namespace}`,
      source: 'kubernetes',
    };
  });
}

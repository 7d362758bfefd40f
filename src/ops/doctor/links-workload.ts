import type { KubeObject } from '../../inventory/types.js';
import { conditionOf, specNumber, statusNumber } from '../common/kube-reads.js';
import { refOf } from '../problems.js';
import type { DoctorLink } from './types.js';

function problemLink(
  o: KubeObject,
  step: string,
  code: string,
  what: string,
  cause?: string,
  next?: string,
): DoctorLink {
  const object = refOf(o);
  return {
    step,
    object,
    state: 'problem',
    detail: what,
    problem: {
      severity: 'critical',
      code,
      object,
      what,
      ...(cause ? { cause } : {}),
      ...(next ? { next } : {}),
      source: 'kubernetes',
    },
  };
}

function ok(o: KubeObject, step: string, detail: string): DoctorLink {
  return { step, object: refOf(o), state: 'ok', detail };
}

/** The workload's own state: rollout conditions and replica counts, a DaemonSet's schedule, a CronJob's last run, a Job's failure. */
export function workloadLink(w: KubeObject): DoctorLink {
  const ns = w.metadata.namespace ?? 'default';
  const name = w.metadata.name;
  switch (w.kind) {
    case 'Deployment': {
      const desired = specNumber(w, 'replicas', 1);
      const ready = statusNumber(w, 'readyReplicas');
      const updated = statusNumber(w, 'updatedReplicas');
      const progressing = conditionOf(w, 'Progressing');
      const counts = `${ready}/${desired} ready, ${updated} updated, ${statusNumber(w, 'unavailableReplicas')} unavailable`;
      if (progressing?.status === 'False')
        return problemLink(
          w,
          'Deployment',
          'rollout.stuck',
          `rollout stuck (${progressing.reason}): ${counts}`,
          progressing.message,
          `kubectl rollout undo deployment/${name} -n ${ns}`,
        );
      if (ready < desired)
        return problemLink(
          w,
          'Deployment',
          'deployment.degraded',
          `short of replicas: ${counts}`,
          conditionOf(w, 'Available')?.message,
        );
      return ok(w, 'Deployment', counts);
    }
    case 'StatefulSet': {
      const desired = specNumber(w, 'replicas', 1);
      const ready = statusNumber(w, 'readyReplicas');
      const counts = `${ready}/${desired} ready, revision ${(w.status as { updateRevision?: string } | undefined)?.updateRevision ?? '?'}`;
      return ready < desired
        ? problemLink(w, 'StatefulSet', 'statefulset.degraded', counts)
        : ok(w, 'StatefulSet', counts);
    }
    case 'DaemonSet': {
      const desired = statusNumber(w, 'desiredNumberScheduled');
      const ready = statusNumber(w, 'numberReady');
      const counts = `${ready}/${desired} ready on their nodes, ${statusNumber(w, 'numberMisscheduled')} misscheduled`;
      return ready < desired ? problemLink(w, 'DaemonSet', 'daemonset.degraded', counts) : ok(w, 'DaemonSet', counts);
    }
    case 'CronJob': {
      const spec = (w.spec ?? {}) as { schedule?: string; suspend?: boolean };
      const status = (w.status ?? {}) as { lastScheduleTime?: string; lastSuccessfulTime?: string; active?: unknown[] };
      const detail = `schedule "${spec.schedule ?? '?'}", last run ${status.lastScheduleTime ?? 'never'}, last success ${status.lastSuccessfulTime ?? 'never'}, ${(status.active ?? []).length} active`;
      if (spec.suspend)
        return problemLink(
          w,
          'CronJob',
          'cronjob.suspended',
          `suspended: ${detail}`,
          undefined,
          `kubectl patch cronjob ${name} -n ${ns} -p '{"spec":{"suspend":false}}'`,
        );
      return ok(w, 'CronJob', detail);
    }
    case 'Job': {
      const failed = conditionOf(w, 'Failed');
      const detail = `${statusNumber(w, 'succeeded')} succeeded, ${statusNumber(w, 'failed')} failed, ${statusNumber(w, 'active')} active`;
      if (failed?.status === 'True')
        return problemLink(
          w,
          'Job',
          'job.failed',
          `failed (${failed.reason}): ${detail}`,
          failed.message,
          `kubectl logs job/${name} -n ${ns}`,
        );
      return ok(w, 'Job', detail);
    }
    default:
      return ok(w, w.kind, 'found');
  }
}

/** The newest ReplicaSet and any older one that still has pods, each with ready against desired. */
export function replicaSetLinks(sets: readonly KubeObject[]): DoctorLink[] {
  return sets
    .filter((rs, i) => i === 0 || specNumber(rs, 'replicas', 0) > 0)
    .map((rs, i) => {
      const desired = specNumber(rs, 'replicas', 0);
      const ready = statusNumber(rs, 'readyReplicas');
      const image = (
        (rs.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template?.spec
          ?.containers ?? []
      )
        .map((c) => c.image)
        .join(', ');
      const detail = `${i === 0 ? 'newest' : 'older'}: ${ready}/${desired} ready (${image})`;
      return ready < desired
        ? problemLink(rs, 'ReplicaSet', 'replicaset.not-ready', detail)
        : ok(rs, 'ReplicaSet', detail);
    });
}

import type { KubeObject } from '../../inventory/types.js';
import { parseImageRef } from '../../rules/support/image-ref.js';
import type { EcrRepositoryFact, NodeGroupScalingFact } from '../common/aws-facts.js';
import { ECR_HOST } from '../common/ecr.js';
import type { EventIndex } from '../common/events.js';
import { type ContainerStatus, containerStatusesOf, namespaceOf, nodeNameOf, podPhase } from '../common/kube-reads.js';
import { isErrorLine } from '../common/log-lines.js';
import { describeTermination, isUnscheduled, troubleOf } from '../common/pod-troubles.js';
import { formatBytes, memoryLimitOf } from '../common/resources.js';
import { type OpsProblem, refOf } from '../problems.js';
import { capacityFor, describeCapacity } from './capacity.js';
import type { DoctorFacts } from './facts-view.js';
import { claimNamesOf } from './links-storage.js';
import type { DoctorLink, DoctorParams } from './types.js';

const EXIT_NOTICE = /\b(exiting|exited|exit(ed)? with|shutting down)\b/i;

function link(
  step: string,
  pod: KubeObject,
  problem: Omit<OpsProblem, 'object'> | undefined,
  detail: string,
  extra: Partial<DoctorLink> = {},
): DoctorLink {
  const object = refOf(pod);
  return problem
    ? { step, object, state: 'problem', detail, problem: { ...problem, object }, ...extra }
    : { step, object, state: 'ok', detail, ...extra };
}

/** Why an image cannot be pulled, from ECR: the repository or the tag is not there. */
function imagePullCause(image: string, f: DoctorFacts): { cause: string; next: string; joined: boolean } | undefined {
  const ref = parseImageRef(image);
  if (!ECR_HOST.test(ref.registry)) return undefined;
  const repos = f.aws<readonly EcrRepositoryFact[]>('ecr');
  if (!repos)
    return {
      cause: `ECR facts unknown: ${f.awsReason('ecr')}`,
      next: `aws ecr describe-images --repository-name ${ref.repository}`,
      joined: false,
    };
  const repo = repos.find((r) => r.registry === ref.registry && r.name === ref.repository);
  const list = `aws ecr describe-images --repository-name ${ref.repository} --query 'imageDetails[*].[imageTags,imagePushedAt]'`;
  if (!repo) return undefined;
  if (!repo.exists)
    return {
      cause: `ECR repository ${ref.repository} does not exist in ${ref.registry}`,
      next: `aws ecr describe-repositories --repository-names ${ref.repository}`,
      joined: true,
    };
  if (ref.tag && !ref.digest && !repo.images.some((i) => i.tags.includes(ref.tag as string))) {
    const tags = repo.images
      .flatMap((i) => i.tags)
      .sort()
      .reverse()
      .slice(0, 5);
    return {
      cause: `tag ${ref.tag} is not in ECR repository ${ref.repository} (tags there: ${tags.join(', ') || 'none'})`,
      next: `push ${ref.repository}:${ref.tag}, or set the image to a tag that exists (${list})`,
      joined: true,
    };
  }
  return undefined;
}

function previousLogLink(
  pod: KubeObject,
  s: ContainerStatus,
  f: DoctorFacts,
  p: DoctorParams,
): { link: DoctorLink; cause?: string } {
  const object = { ...refOf(pod), kind: 'Pod' };
  const key = `${namespaceOf(pod)}/${pod.metadata.name}/${s.name}`;
  const fact = f.input.previousLogs[key];
  if (!fact || fact.state === 'unknown') {
    const reason = fact?.state === 'unknown' ? fact.reason : 'the previous log was not read';
    return { link: { step: 'Previous log', object, state: 'unknown', detail: `container ${s.name}`, reason } };
  }
  const tail = fact.value
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-p.tailLines);
  const errors = tail.filter(isErrorLine);
  const telling = errors.filter((l) => !EXIT_NOTICE.test(l)).at(-1) ?? errors.at(-1);
  return {
    link: {
      step: 'Previous log',
      object,
      state: 'ok',
      detail: telling
        ? `container ${s.name}, last error: ${telling.trim()}`
        : `container ${s.name}, ${tail.length} lines, no error line`,
      lines: tail,
    },
    ...(telling ? { cause: telling.trim() } : {}),
  };
}

function containerLinks(pod: KubeObject, events: EventIndex, f: DoctorFacts, p: DoctorParams): DoctorLink[] {
  const out: DoctorLink[] = [];
  const ns = namespaceOf(pod);
  const name = pod.metadata.name;
  for (const s of [...containerStatusesOf(pod, true), ...containerStatusesOf(pod)]) {
    const t = troubleOf(s);
    const restarts = s.restartCount ?? 0;
    const last = describeTermination(
      t?.lastTermination ??
        (s.lastState?.terminated
          ? { reason: s.lastState.terminated.reason, exitCode: s.lastState.terminated.exitCode }
          : undefined),
    );
    const state = s.state?.waiting
      ? `waiting (${s.state.waiting.reason})`
      : s.state?.terminated
        ? `terminated (${s.state.terminated.reason})`
        : s.state?.running
          ? 'running'
          : 'unknown';
    const detail = `${s.name}: ${state}, ${s.ready ? 'ready' : 'not ready'}, ${restarts} restarts${last ? `, last ${last}` : ''}`;
    const step = 'Container';
    const logs = `kubectl logs pod/${name} -n ${ns} -c ${s.name} --previous`;
    if (t?.kind === 'image-pull') {
      const joined = imagePullCause(s.image ?? '', f);
      out.push(
        link(
          step,
          pod,
          {
            severity: 'critical',
            code: 'pod.image-pull',
            what: `${s.name}: ${t.reason} for ${s.image}`,
            cause: joined?.cause ?? t.message,
            next: joined?.next ?? `kubectl describe pod/${name} -n ${ns}`,
            source: joined?.joined ? 'joined' : 'kubernetes',
          },
          detail,
        ),
      );
      continue;
    }
    const crashed = t?.kind === 'crash-loop' || t?.kind === 'oom-killed';
    const prev = crashed || restarts > 0 ? previousLogLink(pod, s, f, p) : undefined;
    if (t && t.lastTermination?.reason === 'OOMKilled') {
      const limit = memoryLimitOf(pod, s.name);
      out.push(
        link(
          step,
          pod,
          {
            severity: 'critical',
            code: 'pod.oom-killed',
            what: `${s.name}: ${t.reason}, killed for memory (${last}), ${restarts} restarts`,
            cause: `the container used more than its memory limit ${limit !== undefined ? formatBytes(limit) : '(none set: the node ran out)'}${prev?.cause ? `; previous log: ${prev.cause}` : ''}`,
            next: `raise resources.limits.memory of ${s.name}${limit !== undefined ? ` above ${formatBytes(limit)}` : ''} (and the request with it), or find what grows: kubectl top pod ${name} -n ${ns} --containers`,
            source: 'kubernetes',
          },
          detail,
        ),
      );
    } else if (t?.kind === 'crash-loop') {
      out.push(
        link(
          step,
          pod,
          {
            severity: 'critical',
            code: 'pod.crash-loop',
            what: `${s.name}: CrashLoopBackOff, ${restarts} restarts, last ${last ?? 'termination unknown'}`,
            cause: prev?.cause
              ? `previous log: ${prev.cause}`
              : prev?.link.state === 'unknown'
                ? `previous log unknown: ${prev.link.reason}`
                : undefined,
            next: logs,
            source: 'kubernetes',
          },
          detail,
        ),
      );
    } else if (t?.kind === 'create-error') {
      out.push(
        link(
          step,
          pod,
          {
            severity: 'critical',
            code: 'pod.create-error',
            what: `${s.name}: ${t.reason}`,
            cause: t.message,
            next: `kubectl describe pod/${name} -n ${ns}`,
            source: 'kubernetes',
          },
          detail,
        ),
      );
    } else if (s.state?.running && !s.ready) {
      const probe = events.latestWarning({ kind: 'Pod', name, namespace: ns }, 'Unhealthy');
      out.push(
        link(
          step,
          pod,
          {
            severity: 'warning',
            code: 'container.not-ready',
            what: `${s.name}: running but not ready`,
            cause: probe?.message ?? 'the readiness probe has not passed',
            next: `kubectl describe pod/${name} -n ${ns}`,
            source: 'kubernetes',
          },
          detail,
        ),
      );
    } else if (restarts > p.restartWarn) {
      out.push(
        link(
          step,
          pod,
          {
            severity: 'warning',
            code: 'container.restarts',
            what: `${s.name}: ${restarts} restarts, last ${last ?? '?'}`,
            cause: prev?.cause,
            next: logs,
            source: 'kubernetes',
          },
          detail,
        ),
      );
    } else out.push(link(step, pod, undefined, detail));
    if (prev) out.push(prev.link);
  }
  return out;
}

function scheduleLink(pod: KubeObject, events: EventIndex, f: DoctorFacts): DoctorLink {
  const ns = namespaceOf(pod);
  const ref = { kind: 'Pod', name: pod.metadata.name, namespace: ns };
  const failed = events.latestWarning(ref, 'FailedScheduling');
  const condition = (
    (pod.status as { conditions?: { type: string; message?: string }[] } | undefined)?.conditions ?? []
  ).find((c) => c.type === 'PodScheduled');
  const message = failed?.message ?? condition?.message ?? 'not scheduled yet';
  const detail = `Pending: ${message}`;
  if (/unbound immediate PersistentVolumeClaims|persistentvolumeclaim .* not found/i.test(message)) {
    const claims = claimNamesOf(pod.spec);
    const pvcs = f.list('PersistentVolumeClaim') ?? [];
    const unbound = claims.filter(
      (c) => (pvcs.find((x) => x.metadata.name === c)?.status as { phase?: string } | undefined)?.phase !== 'Bound',
    );
    const why = unbound
      .map((c) => {
        const w = events
          .about({ kind: 'PersistentVolumeClaim', name: c, namespace: ns })
          .find((e) => e.type === 'Warning');
        return `PVC ${c} is not Bound${w ? ` (${w.reason}: ${w.message})` : ''}`;
      })
      .join('; ');
    return link(
      'Pod',
      pod,
      {
        severity: 'critical',
        code: 'pod.pending',
        what: `Pending: ${unbound.length ? `PVC ${unbound.join(', ')} is not Bound` : 'its PersistentVolumeClaim is not Bound'}`,
        cause: why || message,
        next: `kubectl describe pvc ${unbound[0] ?? ''} -n ${ns}`.replace('  ', ' '),
        source: 'kubernetes',
      },
      detail,
    );
  }
  const nodes = f.list('Node', false);
  const all = f.list('Pod', false);
  const groups = f.aws<readonly NodeGroupScalingFact[]>('nodeGroups');
  const scaleUp = events.about(ref).find((e) => e.reason === 'NotTriggerScaleUp');
  const parts: string[] = [message];
  let joined = false;
  let next = `kubectl describe pod/${pod.metadata.name} -n ${ns}`;
  if (nodes && all) {
    const v = capacityFor(pod, nodes, all, groups);
    parts.push(describeCapacity(v));
    if (v.fits.length === 0) {
      next = `lower the pod's requests, or let the cluster grow`;
      if (groups) {
        joined = true;
        if (v.atMax.length) {
          const g = v.atMax[0];
          parts.push(
            `node group ${g.name} is at its maximum size (${g.desiredSize} of max ${g.maxSize}): the autoscaler cannot add a node`,
          );
          next = `aws eks update-nodegroup-config --cluster-name ${f.input.cluster ?? '<cluster>'} --nodegroup-name ${g.name} --scaling-config minSize=${g.minSize},maxSize=${g.maxSize + 1},desiredSize=${g.desiredSize}, or lower the pod's requests`;
        } else parts.push('no node group is at its maximum: the autoscaler should add a node');
      } else parts.push(`node group sizes unknown: ${f.awsReason('nodeGroups')}`);
    }
  } else parts.push(`node capacity unknown: ${f.reason(nodes ? 'Pod' : 'Node')}`);
  if (scaleUp) parts.push(`autoscaler: ${scaleUp.message}`);
  return link(
    'Pod',
    pod,
    {
      severity: 'critical',
      code: 'pod.pending',
      what: 'Pending: no node can take it',
      cause: parts.join('; '),
      next,
      source: joined ? 'joined' : 'kubernetes',
    },
    detail,
  );
}

function eventsLink(pod: KubeObject, events: EventIndex): DoctorLink {
  const warnings = events
    .about({ kind: 'Pod', name: pod.metadata.name, namespace: namespaceOf(pod) })
    .filter((e) => e.type === 'Warning');
  if (warnings.length === 0) return link('Events', pod, undefined, 'no Warning events');
  const latest = warnings[0];
  return link(
    'Events',
    pod,
    {
      severity: 'info',
      code: 'pod.warning-events',
      what: `${warnings.length} Warning event(s), latest ${latest.reason} x${latest.count}`,
      cause: latest.message,
      source: 'kubernetes',
    },
    `${latest.reason} x${latest.count} at ${latest.last}: ${latest.message}`,
  );
}

/** Each pod that needs a look, link by link (schedule, containers, previous log, events); healthy pods as one line. */
export function podLinks(
  pods: readonly KubeObject[],
  events: EventIndex,
  f: DoctorFacts,
  p: DoctorParams,
): DoctorLink[] {
  const out: DoctorLink[] = [];
  const healthy: string[] = [];
  for (const pod of pods) {
    if (podPhase(pod) === 'Succeeded') continue;
    const links: DoctorLink[] = [];
    if (isUnscheduled(pod)) links.push(scheduleLink(pod, events, f));
    else links.push(...containerLinks(pod, events, f, p));
    const broken = links.some((l) => l.state !== 'ok');
    if (!broken) {
      healthy.push(pod.metadata.name);
      continue;
    }
    if (!isUnscheduled(pod)) out.push(link('Pod', pod, undefined, `${podPhase(pod)} on ${nodeNameOf(pod) ?? '?'}`));
    out.push(...links, eventsLink(pod, events));
  }
  if (healthy.length)
    out.unshift({ step: 'Pods', state: 'ok', detail: `${healthy.length} running and ready: ${healthy.join(', ')}` });
  return out;
}

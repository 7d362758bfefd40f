import type { KubeObject } from '../../inventory/types.js';
import { EventIndex, viewEvent } from '../common/events.js';
import { isTerminated } from '../common/kube-reads.js';
import { sortProblems } from '../problems.js';
import { DoctorFacts } from './facts-view.js';
import { identityLinks } from './links-identity.js';
import { imageLinks, imagesOf } from './links-image.js';
import { networkLinks } from './links-network.js';
import { podLinks } from './links-pods.js';
import { secretLinks } from './links-secrets.js';
import { claimNamesOf, storageLinks } from './links-storage.js';
import { replicaSetLinks, workloadLink } from './links-workload.js';
import { resolveTarget } from './resolve.js';
import { DOCTOR_DEFAULTS, type DoctorInput, type DoctorLink, type DoctorParams, type DoctorReport } from './types.js';

/** Links about the owner objects: they yield the headline to a pod-level link that explains them. */
const OWNER_STEPS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
]);

/** The pod spec the chain follows beyond the pods: a live pod's (what runs), else the workload's template. */
function podSpecOf(workload: KubeObject | undefined, pods: readonly KubeObject[]): unknown {
  if (pods[0]?.spec) return pods[0].spec;
  const spec = workload?.spec as
    | { template?: { spec?: unknown }; jobTemplate?: { spec?: { template?: { spec?: unknown } } } }
    | undefined;
  return spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
}

function headlineOf(chain: readonly DoctorLink[]): DoctorReport['headline'] {
  const broken = chain.filter((l) => l.state === 'problem' && l.problem && l.problem.severity !== 'info');
  return (broken.find((l) => !OWNER_STEPS.has(l.step)) ?? broken[0])?.problem;
}

/**
 * Why one workload is unhealthy, link by link: the workload → ReplicaSets →
 * pods → containers (state, last termination, restarts) → the previous
 * container's log → events → Services and their endpoints → Ingresses → the
 * ALB → the ServiceAccount → its Pod Identity association → the IAM role →
 * ExternalSecrets → Secrets Manager → PVCs → PVs → EBS volumes. Each link is
 * ok, a problem (with cause and next step) or unknown (with the reason); the
 * headline is the first broken link, an owner's own link yielding to the
 * pod-level link that breaks it.
 */
export function doctor(input: DoctorInput, params: Partial<DoctorParams> = {}): DoctorReport {
  const p: DoctorParams = { ...DOCTOR_DEFAULTS, ...params };
  const f = new DoctorFacts(input);
  const r = resolveTarget(f);
  if (r.missing)
    return {
      target: input.target,
      found: false,
      chain: [],
      problems: [],
      unknown: { ...f.unknown, target: r.missing },
    };
  const events = new EventIndex((f.list('Event') ?? []).map(viewEvent));
  const chain: DoctorLink[] = [];
  if (r.workload) chain.push(workloadLink(r.workload));
  chain.push(...replicaSetLinks(r.replicaSets));
  // A CronJob's recent Jobs, newest first: a failed run is a broken link even when no pod is left.
  chain.push(...r.jobs.slice(0, p.recentJobs).map(workloadLink));
  const live = r.pods.filter((pod) => !isTerminated(pod));
  if (r.workload && r.workload.kind !== 'CronJob' && r.workload.kind !== 'Job' && live.length === 0) {
    const desired = (r.workload.spec as { replicas?: number } | undefined)?.replicas;
    if (desired !== 0)
      chain.push({
        step: 'Pods',
        state: f.unknown.Pod ? 'unknown' : 'problem',
        detail: 'no pods',
        ...(f.unknown.Pod
          ? { reason: f.unknown.Pod }
          : {
              problem: {
                severity: 'critical',
                code: 'workload.no-pods',
                object: { kind: r.workload.kind, name: r.workload.metadata.name, namespace: input.target.namespace },
                what: 'no pods exist for the workload',
                next: `kubectl describe ${r.workload.kind.toLowerCase()}/${r.workload.metadata.name} -n ${input.target.namespace}`,
                source: 'kubernetes',
              },
            }),
      });
  }
  chain.push(...podLinks(r.pods, events, f, p));
  const spec = podSpecOf(r.workload, live);
  chain.push(...networkLinks(live, f));
  const sa = ((spec ?? {}) as { serviceAccountName?: string }).serviceAccountName ?? 'default';
  chain.push(...identityLinks(sa, f));
  chain.push(...secretLinks(spec, f, p));
  chain.push(...storageLinks(claimNamesOf(spec), events, f));
  // The images last: their findings matter, but rarely explain why the workload is down now.
  chain.push(...imageLinks(imagesOf(live), f, p));
  const headline = headlineOf(chain);
  return {
    target: input.target,
    found: true,
    ...(headline ? { headline } : {}),
    chain,
    problems: sortProblems(chain.flatMap((l) => (l.problem ? [l.problem] : []))),
    unknown: { ...f.unknown },
  };
}

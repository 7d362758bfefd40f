import { matchesSelector } from '../../inventory/selectors.js';
import type { KubeObject } from '../../inventory/types.js';
import { labelsOf } from '../common/kube-reads.js';
import type { DoctorFacts } from './facts-view.js';

export interface Resolved {
  /** The workload (absent for a bare pod target). */
  readonly workload?: KubeObject;
  readonly replicaSets: readonly KubeObject[];
  readonly jobs: readonly KubeObject[];
  readonly pods: readonly KubeObject[];
  /** Set when the target does not exist or could not be read: what was looked for and where. */
  readonly missing?: string;
}

const APP_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'] as const;

function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some(
    (r) =>
      r.kind === owner.kind &&
      (r.uid !== undefined && owner.metadata.uid !== undefined
        ? r.uid === owner.metadata.uid
        : r.name === owner.metadata.name),
  );
}

function templateLabels(w: KubeObject): Readonly<Record<string, string>> {
  const spec = w.spec as
    | {
        template?: { metadata?: { labels?: Record<string, string> } };
        jobTemplate?: { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } };
      }
    | undefined;
  return spec?.template?.metadata?.labels ?? spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
}

function isApp(labels: Readonly<Record<string, string>>, name: string): boolean {
  return labels['app.kubernetes.io/name'] === name || labels.app === name;
}

/** Newest first by the deployment revision annotation, then by name. */
function byRevision(a: KubeObject, b: KubeObject): number {
  const rev = (o: KubeObject) => Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return rev(b) - rev(a) || a.metadata.name.localeCompare(b.metadata.name);
}

function podsOf(f: DoctorFacts, owners: readonly KubeObject[]): readonly KubeObject[] {
  const pods = f.list('Pod') ?? [];
  return pods
    .filter((p) => owners.some((o) => ownedBy(p, o)))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

function forWorkload(f: DoctorFacts, w: KubeObject): Resolved {
  if (w.kind === 'Deployment') {
    const rs = (f.list('ReplicaSet') ?? []).filter((r) => ownedBy(r, w)).sort(byRevision);
    return { workload: w, replicaSets: rs, jobs: [], pods: podsOf(f, rs) };
  }
  if (w.kind === 'CronJob') {
    const jobs = (f.list('Job') ?? [])
      .filter((j) => ownedBy(j, w))
      .sort((a, b) => b.metadata.name.localeCompare(a.metadata.name));
    return { workload: w, replicaSets: [], jobs, pods: podsOf(f, jobs) };
  }
  return { workload: w, replicaSets: [], jobs: [], pods: podsOf(f, [w]) };
}

/** The target's workload, ReplicaSets or Jobs and pods. */
export function resolveTarget(f: DoctorFacts): Resolved {
  const { kind, name, namespace } = f.input.target;
  const none = (why: string): Resolved => ({ replicaSets: [], jobs: [], pods: [], missing: why });
  if (kind === 'Pod') {
    const pods = f.list('Pod');
    if (!pods) return none(`pods in ${namespace} could not be read: ${f.reason('Pod')}`);
    const pod = pods.find((p) => p.metadata.name === name);
    return pod ? { replicaSets: [], jobs: [], pods: [pod] } : none(`pod ${name} not found in namespace ${namespace}`);
  }
  if (kind === 'App') {
    for (const k of APP_KINDS) {
      const w = (f.list(k) ?? []).find((x) => x.metadata.name === name || isApp(templateLabels(x), name));
      if (w) return forWorkload(f, w);
    }
    const pods = (f.list('Pod') ?? []).filter((p) => isApp(labelsOf(p), name));
    if (pods.length) return { replicaSets: [], jobs: [], pods };
    return none(
      `no workload or pod named or labelled app.kubernetes.io/name=${name} in namespace ${namespace} (looked at ${APP_KINDS.join(', ')} and Pods)`,
    );
  }
  const list = f.list(kind);
  if (!list) return none(`${kind} objects in ${namespace} could not be read: ${f.reason(kind)}`);
  const w = list.find((x) => x.metadata.name === name);
  if (!w) return none(`${kind.toLowerCase()} ${name} not found in namespace ${namespace}`);
  return forWorkload(f, w);
}

/** Whether a Service selects a pod. */
export function serviceSelects(service: KubeObject, pod: KubeObject): boolean {
  const selector = (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  return matchesSelector({ matchLabels: selector }, labelsOf(pod));
}

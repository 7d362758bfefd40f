import type { ValuePath } from '../util/paths.js';
import type { KubeResource } from './types.js';

/** Kinds that run pods, and where each keeps its pod template. */
export const WORKLOAD_TEMPLATE_PATHS: Readonly<Record<string, ValuePath>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

export const WORKLOAD_KINDS = Object.keys(WORKLOAD_TEMPLATE_PATHS);

export interface Container {
  readonly name: string;
  readonly image?: string;
  readonly [key: string]: unknown;
}

export interface PodSpec {
  readonly containers?: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly [key: string]: unknown;
}

export interface PodTemplate {
  readonly metadata?: {
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: PodSpec;
}

/** A workload: an object that runs pods, with its pod template at hand. */
export interface Workload {
  readonly resource: KubeResource;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Path of the pod template inside the object ([] for a bare Pod). */
  readonly templatePath: ValuePath;
  readonly template: PodTemplate;
  /** Labels the workload's pods carry. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** spec.replicas where the kind has it (default 1), undefined for DaemonSet, Job, CronJob and Pod. */
  readonly replicas: number | undefined;
  /** True when another object (a Deployment, a Job, …) manages this one. */
  readonly owned: boolean;
  /** Kind, namespace and name as one object, shared by every result about the workload as its subject. */
  readonly identity: { readonly kind: string; readonly namespace: string; readonly name: string };
}

/** Path of the container at `index` in a workload: `[...templatePath, 'spec', 'containers', index]`. */
export function containerPath(w: Workload, index: number, init = false): ValuePath {
  return w.templatePath.concat('spec', init ? 'initContainers' : 'containers', index);
}

/** Kinds whose spec.replicas a person (or a controller) sets. */
const REPLICA_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
]);

/** Whether a controller manages the object (an owner reference not marked `controller: false`). */
function isOwned(owners: readonly { controller?: boolean }[] | undefined): boolean {
  if (!owners) return false;
  for (let i = 0; i < owners.length; i++) if (owners[i].controller !== false) return true;
  return false;
}

export function toWorkload(resource: KubeResource): Workload | undefined {
  const kind = resource.object.kind;
  // Own keys only: a kind named like an Object.prototype member is not a workload.
  const templatePath = Object.hasOwn(WORKLOAD_TEMPLATE_PATHS, kind) ? WORKLOAD_TEMPLATE_PATHS[kind] : undefined;
  if (!templatePath) return undefined;
  let template: unknown = resource.object;
  // Indexed loop: it runs once per object while the inventory is built, before the JIT has optimised it.
  for (let i = 0; i < templatePath.length; i++) {
    template = (template as Record<string, unknown> | undefined)?.[templatePath[i] as string];
  }
  const t = (template ?? {}) as PodTemplate;
  const labels = kind === 'Pod' ? (resource.object.metadata.labels ?? {}) : (t.metadata?.labels ?? {});
  const spec = resource.object.spec as { replicas?: number } | undefined;
  const hasReplicas = REPLICA_KINDS.has(kind);
  const namespace = resource.object.metadata.namespace ?? 'default';
  const name = resource.object.metadata.name;
  return new WorkloadRecord(
    resource,
    kind,
    namespace,
    name,
    templatePath,
    // A Pod is its own template (it has metadata and spec), with no object of its own per pod.
    kind === 'Pod' ? (resource.object as PodTemplate) : t,
    labels,
    hasReplicas ? (typeof spec?.replicas === 'number' ? spec.replicas : 1) : undefined,
    isOwned(resource.object.metadata.ownerReferences),
  );
}

/**
 * A workload as the inventory keeps one for every object that runs pods (150,000 at the scale limits, one per
 * Pod): its identity is made the first time a result names it, which for most pods is never.
 */
class WorkloadRecord implements Workload {
  private named?: { readonly kind: string; readonly namespace: string; readonly name: string };

  constructor(
    readonly resource: KubeResource,
    readonly kind: string,
    readonly namespace: string,
    readonly name: string,
    readonly templatePath: ValuePath,
    readonly template: PodTemplate,
    readonly podLabels: Readonly<Record<string, string>>,
    readonly replicas: number | undefined,
    readonly owned: boolean,
  ) {}

  get identity(): { readonly kind: string; readonly namespace: string; readonly name: string } {
    this.named ??= { kind: this.kind, namespace: this.namespace, name: this.name };
    return this.named;
  }
}

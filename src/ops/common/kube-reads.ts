import type { KubeObject } from '../../inventory/types.js';

/** Typed reads of the status fields day-2 commands look at; every read tolerates a missing or odd field. */

export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
}

export function conditionsOf(o: KubeObject): readonly Condition[] {
  const status = o.status as { conditions?: unknown } | undefined;
  return Array.isArray(status?.conditions) ? (status.conditions as Condition[]) : [];
}

export function conditionOf(o: KubeObject, type: string): Condition | undefined {
  return conditionsOf(o).find((c) => c.type === type);
}

export interface ContainerStateFields {
  readonly waiting?: { readonly reason?: string; readonly message?: string };
  readonly running?: { readonly startedAt?: string };
  readonly terminated?: {
    readonly reason?: string;
    readonly message?: string;
    readonly exitCode?: number;
    readonly finishedAt?: string;
    readonly startedAt?: string;
  };
}

export interface ContainerStatus {
  readonly name: string;
  readonly image?: string;
  readonly imageID?: string;
  readonly ready?: boolean;
  readonly restartCount?: number;
  readonly state?: ContainerStateFields;
  readonly lastState?: ContainerStateFields;
}

export function containerStatusesOf(pod: KubeObject, init = false): readonly ContainerStatus[] {
  const status = pod.status as Record<string, unknown> | undefined;
  const list = status?.[init ? 'initContainerStatuses' : 'containerStatuses'];
  return Array.isArray(list) ? (list as ContainerStatus[]) : [];
}

export interface ContainerSpec {
  readonly name: string;
  readonly image?: string;
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string | number>>;
    readonly limits?: Readonly<Record<string, string | number>>;
  };
}

export function containersOf(pod: KubeObject): readonly ContainerSpec[] {
  const spec = pod.spec as { containers?: unknown } | undefined;
  return Array.isArray(spec?.containers) ? (spec.containers as ContainerSpec[]) : [];
}

export function initContainersOf(pod: KubeObject): readonly ContainerSpec[] {
  const spec = pod.spec as { initContainers?: unknown } | undefined;
  return Array.isArray(spec?.initContainers) ? (spec.initContainers as ContainerSpec[]) : [];
}

export function podPhase(pod: KubeObject): string {
  const phase = (pod.status as { phase?: unknown } | undefined)?.phase;
  return typeof phase === 'string' ? phase : 'Unknown';
}

/** Succeeded and Failed pods hold no resources on their node. */
export function isTerminated(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

export function nodeNameOf(pod: KubeObject): string | undefined {
  const n = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof n === 'string' && n !== '' ? n : undefined;
}

export function namespaceOf(o: KubeObject): string {
  return o.metadata.namespace ?? 'default';
}

export function labelsOf(o: KubeObject): Readonly<Record<string, string>> {
  return o.metadata.labels ?? {};
}

/** The controller owner of an object (the owner reference marked controller, else the first). */
export function controllerOf(o: KubeObject): { readonly kind: string; readonly name: string } | undefined {
  const owners = o.metadata.ownerReferences ?? [];
  return owners.find((r) => r.controller === true) ?? owners[0];
}

/**
 * The workload a person names for a pod: a ReplicaSet's pods belong to the
 * Deployment whose name is the ReplicaSet's without its pod-template-hash; a
 * pod without an owner is its own workload.
 */
export function workloadOfPod(pod: KubeObject): { readonly kind: string; readonly name: string } {
  const owner = controllerOf(pod);
  if (!owner) return { kind: 'Pod', name: pod.metadata.name };
  if (owner.kind === 'ReplicaSet') {
    const hash = labelsOf(pod)['pod-template-hash'];
    if (hash && owner.name.endsWith(`-${hash}`))
      return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  }
  return { kind: owner.kind, name: owner.name };
}

/** A number field of `status` (0 when absent: the API omits zero counts). */
export function statusNumber(o: KubeObject, field: string): number {
  const v = (o.status as Record<string, unknown> | undefined)?.[field];
  return typeof v === 'number' ? v : 0;
}

/** A number field of `spec`, or `fallback` when absent. */
export function specNumber(o: KubeObject, field: string, fallback: number): number {
  const v = (o.spec as Record<string, unknown> | undefined)?.[field];
  return typeof v === 'number' ? v : fallback;
}

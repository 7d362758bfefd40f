import type { AwsResource, KubeResource } from '../../inventory/types.js';
import type { Workload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';
import type { AwsSubject, KubeSubject, ResultStatus, RuleResult, Subject } from '../types.js';
import type { ContainerRef } from './workloads.js';

/** The subject of a Kubernetes object (and optionally one of its containers). */
export function kubeSubject(r: KubeResource, container?: string): KubeSubject {
  const meta = r.object.metadata;
  const kind = r.object.kind;
  const name = meta.name;
  // Literal objects (not spreads): one allocation, and the same key order as before.
  if (meta.namespace) {
    const namespace = meta.namespace;
    return container !== undefined ? { kind, namespace, name, container } : { kind, namespace, name };
  }
  return container !== undefined ? { kind, name, container } : { kind, name };
}

export function workloadSubject(w: Workload, container?: string): KubeSubject {
  // Without a container the subject is the workload's own shared identity: no object per result.
  return container !== undefined ? { kind: w.kind, namespace: w.namespace, name: w.name, container } : w.identity;
}

export function awsSubject(a: AwsResource): AwsSubject {
  return { awsType: a.type, id: a.id };
}

/** Builds one result; `path` is only kept when a resource is given. */
export function result(
  status: ResultStatus,
  subject: Subject,
  message: string,
  resource?: KubeResource | AwsResource,
  path?: ValuePath,
): RuleResult {
  if (!resource) return { status, subject, message };
  return path ? { status, subject, message, resource, path } : { status, subject, message, resource };
}

/** A result about a Kubernetes object. */
export function kubeResult(
  status: ResultStatus,
  r: KubeResource,
  message: string,
  path?: ValuePath,
  container?: string,
): RuleResult {
  return result(status, kubeSubject(r, container), message, r, path);
}

/** A result about a workload (or one of its containers). */
export function workloadResult(
  status: ResultStatus,
  w: Workload,
  message: string,
  path?: ValuePath,
  container?: string,
): RuleResult {
  return result(status, workloadSubject(w, container), message, w.resource, path);
}

/** A result about one container of a workload (its subject is the container's shared one). */
export function containerResult(
  status: ResultStatus,
  w: Workload,
  c: ContainerRef,
  message: string,
  path?: ValuePath,
): RuleResult {
  return result(status, c.subject, message, w.resource, path);
}

/** A result about an AWS resource. */
export function awsResult(status: ResultStatus, a: AwsResource, message: string, path?: ValuePath): RuleResult {
  return result(status, awsSubject(a), message, a, path);
}

/** "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Singular or plural noun with its count: "1 replica", "3 replicas". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

import type { KubeObject } from '../types.js';

/**
 * What verify reads of the kinds a large cluster holds by the thousand, so
 * that a live collection can drop the rest of each object as it arrives.
 *
 * A field list is `true` (the whole value), an object naming the fields to keep
 * (each with its own list), or `[list]` for every element of an array. A value
 * of another shape than its list expects is kept whole: nothing is dropped that
 * the list does not describe. Kinds not listed here are kept whole.
 *
 * The lists come from what the rules, the workload facts (src/inventory/) and
 * the verify engine (suppression annotations, exemptions, subjects) read; the
 * test in test/inventory/sources/live-fields.test.ts records every field they
 * touch on the live fixtures and fails when a list drops one of them.
 */
export type FieldList = true | readonly [FieldList] | { readonly [field: string]: FieldList };

/**
 * Metadata the engine and the rules read: the identity (name, namespace),
 * labels (selectors, zones), annotations (suppressions, opt-outs) and owners
 * (owned objects are judged through their controller). Not kept: uid,
 * resourceVersion, generation, creationTimestamp, generateName, finalizers.
 */
const METADATA: FieldList = {
  name: true,
  namespace: true,
  labels: true,
  annotations: true,
  ownerReferences: true,
};

/** A container's status as the crash-loop rule reads it: restarts and why it waits. */
const CONTAINER_STATUS: FieldList = { name: true, restartCount: true, state: { waiting: true } };

export const RULE_FIELDS: Readonly<Record<string, FieldList>> = {
  // A bare Pod is a workload: every pod-spec rule reads its spec, so the spec is kept whole. Of its status,
  // only the containers' restarts and waiting reasons are read (IPs, conditions, images and times are not).
  Pod: {
    apiVersion: true,
    kind: true,
    metadata: METADATA,
    spec: true,
    status: { containerStatuses: [CONTAINER_STATUS], initContainerStatuses: [CONTAINER_STATUS] },
  },
  // Nodes are read for their zone labels; their status (images, conditions, addresses) is not read.
  Node: { apiVersion: true, kind: true, metadata: METADATA, spec: true },
  // ReplicaSets are owned workloads: their pod template (spec) counts, their status does not.
  ReplicaSet: { apiVersion: true, kind: true, metadata: METADATA, spec: true },
};

/**
 * Parts that objects repeat once trimmed: what is left of a Pod's status (its containers' names, restarts and
 * waiting reasons) is the same for the healthy pods of one ReplicaSet (see RepeatedParts).
 */
export const REPEATED_ONCE_KEPT: Readonly<Record<string, readonly (readonly string[])[]>> = { Pod: [['status']] };

/** Whether the kind has a field list (others are kept whole). */
export function hasFieldList(kind: string): boolean {
  return Object.hasOwn(RULE_FIELDS, kind);
}

/**
 * The object with only the fields its kind's list keeps: a new object (the one
 * given is left as it was), or the object itself when its kind has no list.
 */
export function keepRuleFields(o: KubeObject): KubeObject {
  return hasFieldList(o.kind) ? (keep(o, RULE_FIELDS[o.kind]) as KubeObject) : o;
}

function keep(value: unknown, list: FieldList): unknown {
  if (list === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(list)) {
    if (!Array.isArray(value)) return value;
    const element = list[0] as FieldList;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = keep(value[i], element);
    return out;
  }
  if (Array.isArray(value)) return value;
  const fields = list as { readonly [field: string]: FieldList };
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // The object's own order, so that objects of one kind share their shape.
  for (const key in source) {
    if (Object.hasOwn(fields, key) && Object.hasOwn(source, key)) out[key] = keep(source[key], fields[key]);
  }
  return out;
}

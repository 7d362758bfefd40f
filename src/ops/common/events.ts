import type { KubeObject } from '../../inventory/types.js';
import type { ObjectRef } from '../problems.js';

/** A core/v1 (or events.k8s.io/v1) Event, read for its reason, message, count and time. */
export interface EventView {
  readonly object: ObjectRef;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  /** ISO time of the last occurrence ('' when the event carries none). */
  readonly last: string;
}

interface EventFields {
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  regarding?: { kind?: string; name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  series?: { count?: number; lastObservedTime?: string };
  deprecatedCount?: number;
  deprecatedLastTimestamp?: string;
}

const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Node',
  'PersistentVolume',
  'Namespace',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'ClusterSecretStore',
]);

export function viewEvent(e: KubeObject): EventView {
  const f = e as unknown as EventFields;
  const about = f.involvedObject ?? f.regarding ?? {};
  // Events about cluster-scoped objects live in the default namespace; the object itself has none.
  const namespace = about.namespace ?? (CLUSTER_SCOPED.has(about.kind ?? '') ? undefined : e.metadata.namespace);
  const object: ObjectRef = namespace
    ? { kind: about.kind ?? '', name: about.name ?? '', namespace }
    : { kind: about.kind ?? '', name: about.name ?? '' };
  const last =
    f.series?.lastObservedTime ??
    f.lastTimestamp ??
    f.deprecatedLastTimestamp ??
    f.eventTime ??
    f.firstTimestamp ??
    (typeof e.metadata.creationTimestamp === 'string' ? e.metadata.creationTimestamp : '');
  return {
    object,
    type: f.type ?? 'Normal',
    reason: f.reason ?? '',
    message: (f.message ?? f.note ?? '').trim(),
    count: f.series?.count ?? f.count ?? f.deprecatedCount ?? 1,
    last,
  };
}

function keyOf(ref: ObjectRef): string {
  return `${ref.namespace ?? ''}\u0000${ref.kind}\u0000${ref.name}`;
}

/** Events by the object they are about, each list newest first: one pass over the events, then lookups. */
export class EventIndex {
  private readonly byObject = new Map<string, EventView[]>();

  constructor(events: readonly EventView[]) {
    for (const e of events) {
      const key = keyOf(e.object);
      const list = this.byObject.get(key);
      if (list) list.push(e);
      else this.byObject.set(key, [e]);
    }
    for (const list of this.byObject.values()) list.sort(newestFirst);
  }

  /** Events about one object, newest first. */
  about(ref: ObjectRef): readonly EventView[] {
    return this.byObject.get(keyOf(ref)) ?? [];
  }

  /** The newest Warning event about an object, optionally of one reason. */
  latestWarning(ref: ObjectRef, reason?: string): EventView | undefined {
    return this.about(ref).find((e) => e.type === 'Warning' && (reason === undefined || e.reason === reason));
  }
}

/** Code-unit order: ISO times compare as text, and the order does not depend on the locale. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function newestFirst(a: EventView, b: EventView): number {
  return order(b.last, a.last) || order(a.reason, b.reason) || order(a.message, b.message);
}

/** Warning events whose last occurrence is at or after `since` (ISO), newest first. */
export function recentWarnings(events: readonly EventView[], since: string): EventView[] {
  return events.filter((e) => e.type === 'Warning' && e.last !== '' && e.last >= since).sort(newestFirst);
}

/** `now` minus `seconds`, as an ISO time without milliseconds (the API's format). */
export function isoBefore(now: string, seconds: number): string {
  return `${new Date(Date.parse(now) - seconds * 1000).toISOString().slice(0, 19)}Z`;
}

/** "kind/name" or "kind/namespace/name" for messages. */
export function describeRef(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.name} -n ${ref.namespace}` : `${ref.kind}/${ref.name}`;
}

import type { KubeObject } from './types.js';

/** The object whose events are wanted; `uid` narrows them to this instance when a name was reused. */
export interface EventSubject {
  readonly kind: string;
  /** Undefined for cluster-scoped objects (Node, PersistentVolume). */
  readonly namespace?: string;
  readonly name: string;
  readonly uid?: string;
}

export interface EventOptions {
  /** The newest N events; default 50. */
  readonly limit?: number;
}

/** The field selector the API server filters events by: `involvedObject.kind=Pod,involvedObject.name=…`. */
export function eventFieldSelector(subject: EventSubject): string {
  const parts = [`involvedObject.kind=${subject.kind}`, `involvedObject.name=${subject.name}`];
  if (subject.namespace) parts.push(`involvedObject.namespace=${subject.namespace}`);
  if (subject.uid) parts.push(`involvedObject.uid=${subject.uid}`);
  return parts.join(',');
}

/** When an event last happened: lastTimestamp, else eventTime, else the creation time; '' when none is set. */
export function eventTime(e: KubeObject): string {
  const o = e as { lastTimestamp?: string; eventTime?: string; firstTimestamp?: string };
  return o.lastTimestamp ?? o.eventTime ?? o.firstTimestamp ?? String(e.metadata.creationTimestamp ?? '');
}

/** Events oldest first (the API gives no order), then the newest `limit` of them. */
export function newestEvents(events: readonly KubeObject[], limit: number): KubeObject[] {
  const sorted = [...events].sort(
    (a, b) => eventTime(a).localeCompare(eventTime(b)) || a.metadata.name.localeCompare(b.metadata.name),
  );
  return sorted.slice(Math.max(0, sorted.length - limit));
}

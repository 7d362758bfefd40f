import { type EventView, recentWarnings } from '../common/events.js';
import type { EventGroup } from './types.js';

/** Recent Warning events grouped by the object they are about, the group with the newest event first. */
export function groupWarnings(events: readonly EventView[], since: string): EventGroup[] {
  const groups = new Map<string, { events: EventView[] }>();
  for (const e of recentWarnings(events, since)) {
    const key = `${e.object.namespace ?? ''}\u0000${e.object.kind}\u0000${e.object.name}`;
    const g = groups.get(key) ?? { events: [] };
    g.events.push(e);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map(({ events: list }) => ({
      object: list[0].object,
      count: list.reduce((n, e) => n + e.count, 0),
      reasons: [...new Set(list.map((e) => e.reason))].sort(),
      last: list[0].last,
      latestMessage: list[0].message,
    }))
    .sort(
      (a, b) =>
        b.last.localeCompare(a.last) ||
        (a.object.namespace ?? '').localeCompare(b.object.namespace ?? '') ||
        a.object.name.localeCompare(b.object.name),
    );
}

import type { Inventory } from '../../inventory/inventory.js';

/** A default value for one resource of a container, and the LimitRange that supplies it. */
export interface DefaultValue {
  readonly value: unknown;
  readonly from: string;
}

/** What LimitRanges of a namespace fill in for containers that leave a resource out. */
export interface ContainerDefaults {
  readonly requests: ReadonlyMap<string, DefaultValue>;
  readonly limits: ReadonlyMap<string, DefaultValue>;
}

interface LimitItem {
  type?: string;
  default?: Record<string, unknown>;
  defaultRequest?: Record<string, unknown>;
  max?: Record<string, unknown>;
  min?: Record<string, unknown>;
}

const NONE: ContainerDefaults = { requests: new Map(), limits: new Map() };

function fill(into: Map<string, DefaultValue>, values: Record<string, unknown> | undefined, from: string): void {
  if (!values || typeof values !== 'object') return;
  for (const k in values) {
    // The first LimitRange (in source order) that sets a resource wins.
    if (Object.hasOwn(values, k) && values[k] !== undefined && values[k] !== '' && !into.has(k)) {
      into.set(k, { value: values[k], from });
    }
  }
}

/**
 * The container defaults of a namespace's LimitRanges, as the API server
 * applies them at admission: a limit from `default` (or `max` when `default`
 * is unset), a request from `defaultRequest` (or else the default limit, or
 * else `min`).
 */
function computeDefaults(inv: Inventory, namespace: string): ContainerDefaults {
  const ranges = inv.inNamespace('LimitRange', namespace);
  if (ranges.length === 0) return NONE;
  const requests = new Map<string, DefaultValue>();
  const limits = new Map<string, DefaultValue>();
  for (const lr of ranges) {
    const from = `LimitRange ${lr.object.metadata.name}`;
    const items = (lr.object.spec as { limits?: LimitItem[] } | undefined)?.limits;
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (item?.type !== 'Container') continue;
      fill(limits, item.default, from);
      fill(limits, item.max, from);
      fill(requests, item.defaultRequest, from);
      fill(requests, item.default, from);
      fill(requests, item.max, from);
      fill(requests, item.min, from);
    }
  }
  return { requests, limits };
}

const cache = new WeakMap<Inventory, Map<string, ContainerDefaults>>();

/** The container defaults LimitRanges give in a namespace (computed once per namespace). */
export function containerDefaults(inv: Inventory, namespace: string): ContainerDefaults {
  let byNs = cache.get(inv);
  if (!byNs) {
    byNs = new Map();
    cache.set(inv, byNs);
  }
  let hit = byNs.get(namespace);
  if (!hit) {
    hit = computeDefaults(inv, namespace);
    byNs.set(namespace, hit);
  }
  return hit;
}

import type { Inventory } from './inventory.js';
import { push } from './labels.js';
import type { KubeResource } from './types.js';

interface MonitorSpec {
  namespaceSelector?: { any?: boolean; matchNames?: string[] };
}

interface ByNamespace {
  /** namespace → monitors watching it by name (their own namespace when they name none). */
  readonly named: Map<string, KubeResource[]>;
  /** Monitors watching every namespace (namespaceSelector.any). */
  readonly any: KubeResource[];
  /** Each monitor's place in the inventory, to keep that order when the two lists are merged. */
  readonly order: Map<KubeResource, number>;
}

const cache = new WeakMap<Inventory, Map<string, ByNamespace>>();

function indexOf(inv: Inventory, kind: string): ByNamespace {
  let kinds = cache.get(inv);
  if (!kinds) {
    kinds = new Map();
    cache.set(inv, kinds);
  }
  let hit = kinds.get(kind);
  if (!hit) {
    const named = new Map<string, KubeResource[]>();
    const any: KubeResource[] = [];
    const order = new Map<KubeResource, number>();
    const monitors = inv.kube(kind);
    for (let i = 0; i < monitors.length; i++) {
      const m = monitors[i];
      order.set(m, i);
      const sel = ((m.object.spec ?? {}) as MonitorSpec).namespaceSelector;
      if (sel?.any === true) {
        any.push(m);
        continue;
      }
      const names = sel?.matchNames ?? [m.object.metadata.namespace ?? 'default'];
      for (const ns of new Set(names)) push(named, ns, m);
    }
    hit = { named, any, order };
    kinds.set(kind, hit);
  }
  return hit;
}

/**
 * The ServiceMonitors or PodMonitors (by kind) whose namespaceSelector takes in
 * a namespace, in inventory order: indexed once per kind and inventory, so
 * asking per workload stays linear in the monitors.
 */
export function monitorsWatching(inv: Inventory, kind: string, namespace: string): readonly KubeResource[] {
  const { named, any, order } = indexOf(inv, kind);
  const own = named.get(namespace);
  if (!own) return any;
  if (any.length === 0) return own;
  return [...own, ...any].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

import type { Inventory } from './inventory.js';
import type { KubeResource } from './types.js';

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

const cache = new WeakMap<Inventory, ReadonlySet<string>>();

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/** namespace/name of every ServiceAccount a RoleBinding or ClusterRoleBinding names, in one pass over the bindings. */
function boundAccounts(inv: Inventory): ReadonlySet<string> {
  let hit = cache.get(inv);
  if (!hit) {
    const out = new Set<string>();
    const add = (b: KubeResource, own: string | undefined) => {
      const subjects = (b.object.subjects as Subject[] | undefined) ?? [];
      for (let i = 0; i < subjects.length; i++) {
        const s = subjects[i];
        if (s.kind !== 'ServiceAccount' || s.name === undefined) continue;
        // A subject without a namespace means the binding's own (a ClusterRoleBinding has none: it binds nothing).
        const ns = s.namespace ?? own;
        if (ns !== undefined) out.add(key(ns, s.name));
      }
    };
    for (const b of inv.kube('RoleBinding')) add(b, b.object.metadata.namespace ?? 'default');
    for (const b of inv.kube('ClusterRoleBinding')) add(b, undefined);
    hit = out;
    cache.set(inv, hit);
  }
  return hit;
}

/** Whether any RoleBinding or ClusterRoleBinding names the ServiceAccount (indexed once per inventory). */
export function isServiceAccountBound(inv: Inventory, namespace: string, name: string): boolean {
  return boundAccounts(inv).has(key(namespace, name));
}

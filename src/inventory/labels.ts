import type { KubeResource } from './types.js';

/** Small helpers for the inventory's label lookups. */

/** The labels an object requires of the pods it selects: matchLabels, or a Service's selector. */
export type RequiredLabels = (r: KubeResource) => Readonly<Record<string, string>> | undefined;

/** The object's first own key (as Object.keys orders them), without building the key list. */
export function firstOwnKey(o: object): string | undefined {
  for (const k in o) if (Object.hasOwn(o, k)) return k;
  return undefined;
}

export function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

import type { KubeResource } from './types.js';

/**
 * An index of the objects of one kind in one namespace (Services, PDBs,
 * NetworkPolicies) by the labels they require, so finding the ones that may
 * select a workload stays near-linear. Callers still apply the full selector.
 */

/** The labels an object requires of the pods it selects: matchLabels, or a Service's selector. */
export type RequiredLabels = (r: KubeResource) => Readonly<Record<string, string>> | undefined;

export interface LabelIndex {
  /** label key → value → objects that require that pair (their first required label, sorted by key). */
  readonly byLabel: Map<string, Map<string, KubeResource[]>>;
  /** Objects that require no label: candidates for every workload. */
  readonly always: KubeResource[];
  readonly order: Map<KubeResource, number>;
  indexed: number;
}

/** Indexes objects under their first required label (smallest key); objects that require none match every workload. */
export function buildLabelIndex(resources: readonly KubeResource[], required: RequiredLabels): LabelIndex {
  const index: LabelIndex = { byLabel: new Map(), always: [], order: new Map(), indexed: 0 };
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i];
    index.order.set(r, i);
    const labels = required(r);
    const first = labels ? smallestOwnKey(labels) : undefined;
    if (first === undefined || !labels) index.always.push(r);
    else {
      let byValue = index.byLabel.get(first);
      if (!byValue) {
        byValue = new Map();
        index.byLabel.set(first, byValue);
      }
      push(byValue, String(labels[first]), r);
      index.indexed++;
    }
  }
  return index;
}

/**
 * The indexed objects that may select pods with these labels: those whose
 * first required label the pods carry, plus those with none. In the
 * inventory's order; callers must not change the list.
 */
export function candidatesFor(index: LabelIndex, labels: Readonly<Record<string, string>>): readonly KubeResource[] {
  if (index.indexed === 0) return index.always;
  // Each object is indexed under one label only, so the lists found are disjoint.
  let found: KubeResource[] | undefined;
  let merged: KubeResource[] | undefined;
  for (const k in labels) {
    const list = index.byLabel.get(k)?.get(String(labels[k]));
    if (!list) continue;
    if (!found) found = list;
    else {
      merged ??= [...found];
      for (const r of list) merged.push(r);
    }
  }
  if (!found) return index.always;
  if (!merged && index.always.length === 0) return found;
  // Keep the inventory's order: each list is in that order, so two merge in one pass.
  const order = index.order;
  if (!merged) return mergeInOrder(found, index.always, order);
  for (const r of index.always) merged.push(r);
  return merged.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Two lists, each in `order`, merged into one in that order. */
function mergeInOrder(a: readonly KubeResource[], b: readonly KubeResource[], order: Map<KubeResource, number>) {
  const out: KubeResource[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if ((order.get(a[i]) ?? 0) <= (order.get(b[j]) ?? 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The object's first own key (as Object.keys orders them), without building the key list. */
export function firstOwnKey(o: object): string | undefined {
  for (const k in o) if (Object.hasOwn(o, k)) return k;
  return undefined;
}

/** The object's smallest own key in code-unit order (what `Object.keys(o).sort()[0]` gives), without sorting. */
export function smallestOwnKey(o: object): string | undefined {
  let min: string | undefined;
  for (const k in o) if (Object.hasOwn(o, k) && (min === undefined || k < min)) min = k;
  return min;
}

export function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

import type { KubeObject } from '../types.js';

/**
 * Parts of an object that many objects of a cluster repeat word for word: the
 * pods of one ReplicaSet carry the same labels, owner and containers as each
 * other and as the ReplicaSet's template. At 150,000 pods these copies are
 * most of what live verify keeps.
 */
const REPEATED: readonly (readonly string[])[] = [
  ['metadata', 'labels'],
  ['metadata', 'ownerReferences'],
  ['spec', 'containers'],
  ['spec', 'initContainers'],
  ['spec', 'volumes'],
  ['spec', 'tolerations'],
  ['spec', 'affinity'],
  ['spec', 'securityContext'],
  ['spec', 'topologySpreadConstraints'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'template', 'spec', 'volumes'],
];

/**
 * Strings that the objects a controller stamps out repeat, each a copy of its own as the page is parsed: the
 * namespace, the node a pod runs on (thirty pods to a node) and the ServiceAccount it runs as.
 */
const REPEATED_STRINGS: readonly (readonly string[])[] = [
  ['metadata', 'namespace'],
  ['spec', 'nodeName'],
  ['spec', 'serviceAccountName'],
];

/**
 * Keeps one copy of each repeated part as objects arrive: a part equal (as JSON)
 * to one seen before is replaced by that one, so equal parts are one object in
 * memory. Nothing is dropped or changed; inventory objects are read, never
 * written, so sharing is safe. One pool per collection.
 */
export class RepeatedParts {
  private readonly seen = new Map<string, unknown>();
  private readonly strings = new Map<string, string>();

  /**
   * `alsoByKind`: more parts to share for some kinds, such as the status of a Pod once only its
   * containers' restarts are left of it (the same for every healthy pod of a ReplicaSet).
   */
  constructor(private readonly alsoByKind: Readonly<Record<string, readonly (readonly string[])[]>> = {}) {}

  share(o: KubeObject): void {
    // Only what a controller stamps out (pods of a ReplicaSet, ReplicaSets of a Deployment, Jobs of a CronJob)
    // repeats; other objects are told apart by their labels and specs, so they are not worth a key.
    if (!Array.isArray(o.metadata?.ownerReferences) || o.metadata.ownerReferences.length === 0) return;
    this.sharePaths(o, REPEATED);
    this.shareStrings(o);
    const also = Object.hasOwn(this.alsoByKind, o.kind) ? this.alsoByKind[o.kind] : undefined;
    if (also) this.sharePaths(o, also);
  }

  private sharePaths(o: KubeObject, paths: readonly (readonly string[])[]): void {
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      let parent: Record<string, unknown> | undefined = o as unknown as Record<string, unknown>;
      for (let j = 0; j < path.length - 1 && parent; j++) {
        const next: unknown = parent[path[j]];
        parent = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
      }
      const key = path[path.length - 1];
      const part = parent?.[key];
      if (!parent || part === null || typeof part !== 'object') continue;
      // Equal parts under different fields may be one object too: a pod's labels are its template's.
      const text = JSON.stringify(part);
      const kept = this.seen.get(text);
      if (kept === undefined) this.seen.set(text, part);
      else parent[key] = kept;
    }
  }

  private shareStrings(o: KubeObject): void {
    for (let i = 0; i < REPEATED_STRINGS.length; i++) {
      const [field, key] = REPEATED_STRINGS[i];
      const parent = (o as unknown as Record<string, unknown>)[field];
      if (!parent || typeof parent !== 'object') continue;
      const value = (parent as Record<string, unknown>)[key];
      if (typeof value !== 'string') continue;
      const kept = this.strings.get(value);
      if (kept === undefined) this.strings.set(value, value);
      else (parent as Record<string, unknown>)[key] = kept;
    }
  }

  /** Distinct parts kept. */
  get size(): number {
    return this.seen.size;
  }
}

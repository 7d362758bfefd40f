import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ValuePath } from './paths.js';

export interface PathOffsetOptions {
  /** Point at the key of the path's last segment rather than at its value. */
  readonly key?: boolean;
  /**
   * Where a mapping entry whose value is not a non-null scalar points: at the
   * value node (`value`, the default) or at its key (`key`: a mapping, a
   * sequence or an empty `key:` is then reported where its key is written).
   */
  readonly collectionsAt?: 'value' | 'key';
}

/**
 * Offset in the source of the node at `path` in a `yaml` document tree, or of
 * the closest ancestor that exists. Used by config files and manifests alike.
 */
export function pathOffset(root: Node | null, path: ValuePath, opts: PathOffsetOptions = {}): number | undefined {
  let node: unknown = root;
  let best: number | undefined = root?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const want = String(seg);
      let pair: unknown;
      for (const p of node.items) {
        if (isPair(p) && isScalar(p.key) && String(p.key.value) === want) {
          pair = p;
          break;
        }
      }
      if (!isPair(pair)) return best;
      const keyNode = pair.key as Node;
      if (opts.key && i === path.length - 1) return keyNode.range?.[0] ?? best;
      const value = pair.value as Node | null;
      if (opts.collectionsAt === 'key') {
        best = isScalar(value) && value.value !== null && value.range ? value.range[0] : (keyNode.range?.[0] ?? best);
      } else {
        best = value?.range?.[0] ?? keyNode.range?.[0] ?? best;
      }
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}

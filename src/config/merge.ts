import { isPlainObject, type ValuePath } from '../util/paths.js';

/** Where a resolved value came from. */
export type Origin = 'preset' | 'project' | 'environment' | 'default';

export interface Layer {
  readonly origin: Exclude<Origin, 'default'>;
  readonly value: Record<string, unknown>;
  /** Path of this layer's value inside the config file (empty for the preset). */
  readonly filePath: ValuePath;
}

export interface Merged {
  readonly value: Record<string, unknown>;
  /** For every path (objects and leaves), the highest layer that supplied a value there. */
  readonly origins: ReadonlyMap<string, Layer>;
}

export const pathKey = (path: ValuePath): string => JSON.stringify(path);

/**
 * Deep-merges layers, lowest first. Objects merge key by key; arrays and
 * scalars replace what is below them. `undefined` never overrides.
 */
export function mergeLayers(layers: readonly Layer[]): Merged {
  const origins = new Map<string, Layer>();
  let value: Record<string, unknown> = {};
  for (const layer of layers) value = mergeInto(value, layer.value, [], layer, origins);
  return { value, origins };
}

function mergeInto(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
  path: (string | number)[],
  layer: Layer,
  origins: Map<string, Layer>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const p = [...path, k];
    if (isPlainObject(v) && isPlainObject(out[k])) {
      origins.set(pathKey(p), layer);
      out[k] = mergeInto(out[k] as Record<string, unknown>, v, p, layer, origins);
    } else {
      markTree(v, p, layer, origins);
      out[k] = v;
    }
  }
  return out;
}

function markTree(v: unknown, path: (string | number)[], layer: Layer, origins: Map<string, Layer>): void {
  origins.set(pathKey(path), layer);
  if (Array.isArray(v)) {
    for (const [i, item] of v.entries()) markTree(item, [...path, i], layer, origins);
  } else if (isPlainObject(v)) for (const [k, item] of Object.entries(v)) markTree(item, [...path, k], layer, origins);
}

/** The layer that supplied the value at `path`, or at its nearest recorded ancestor. */
export function originOf(merged: Merged, path: ValuePath): Layer | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = merged.origins.get(pathKey(path.slice(0, n)));
    if (hit) return hit;
  }
  return undefined;
}

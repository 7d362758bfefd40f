import type { FieldList } from '../../src/inventory/sources/live-fields.js';

/**
 * Records which fields code reads of an object: `metadata.labels`,
 * `status.containerStatuses[].restartCount` (any element of an array is `[]`),
 * `metadata.*` when the code lists an object's keys. A field is recorded when
 * it is asked for, whether it is there or not, so a rule that looks for a
 * field the fixture lacks is still seen looking.
 */
export class FieldReads {
  private readonly paths = new Map<string, Set<string>>();
  private readonly proxies = new WeakMap<object, Map<string, object>>();

  /** The object as the code under test should see it: every read is recorded under its kind. */
  watch<T extends { kind: string }>(o: T): T {
    return this.wrap(o, o.kind, '') as T;
  }

  /** The paths read of each kind, sorted. */
  byKind(): Map<string, string[]> {
    return new Map([...this.paths].map(([kind, set]) => [kind, [...set].sort()]));
  }

  private record(kind: string, path: string): void {
    let set = this.paths.get(kind);
    if (!set) {
      set = new Set();
      this.paths.set(kind, set);
    }
    set.add(path);
  }

  private wrap(value: unknown, kind: string, path: string): unknown {
    if (value === null || typeof value !== 'object') return value;
    // One proxy per object and path: code that compares what it read twice sees the same object.
    let byPath = this.proxies.get(value);
    if (!byPath) {
      byPath = new Map();
      this.proxies.set(value, byPath);
    }
    const known = byPath.get(path);
    if (known) return known;
    const isArray = Array.isArray(value);
    const child = (key: string) => {
      const seg = isArray ? '[]' : key;
      return path ? `${path}.${seg}` : seg;
    };
    const field = (key: string | symbol): string | undefined => {
      if (typeof key === 'symbol') return undefined;
      // `length`, `map`, `forEach` … of an array read the array itself; its elements are read one by one.
      if (isArray && !/^\d+$/.test(key)) return undefined;
      // So do what every object answers (`hasOwnProperty`, `toString`) and what JSON.stringify asks (`toJSON`).
      if (!isArray && (key in Object.prototype || key === 'toJSON')) return undefined;
      return child(key);
    };
    const proxy = new Proxy(value, {
      get: (target, key, receiver) => {
        const at = field(key);
        const got = Reflect.get(target, key, receiver);
        if (at === undefined) {
          if (path) this.record(kind, path);
          return got;
        }
        this.record(kind, at);
        return Object.hasOwn(target, key) ? this.wrap(got, kind, at) : got;
      },
      has: (target, key) => {
        const at = field(key);
        if (at !== undefined) this.record(kind, at);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor: (target, key) => {
        const at = field(key);
        if (at !== undefined) this.record(kind, at);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys: (target) => {
        this.record(kind, path ? `${path}.*` : '*');
        return Reflect.ownKeys(target);
      },
    });
    byPath.set(path, proxy);
    return proxy;
  }
}

/** Whether a field list keeps what a recorded path reads. */
export function keeps(list: FieldList, path: string): boolean {
  let at: FieldList = list;
  for (const seg of path.split('.')) {
    if (at === true) return true;
    if (Array.isArray(at)) {
      // Listing an array's keys reads its elements, which are all kept.
      if (seg === '*') return true;
      if (seg !== '[]') return false;
      at = at[0] as FieldList;
      continue;
    }
    // Listing the keys of an object the list trims would see fewer of them.
    if (seg === '*') return false;
    const fields = at as { readonly [field: string]: FieldList };
    if (!Object.hasOwn(fields, seg)) return false;
    at = fields[seg];
  }
  return true;
}

/** `Kind path` for every recorded read that the kind's field list drops (kinds without a list keep everything). */
export function droppedReads(
  reads: ReadonlyMap<string, readonly string[]>,
  lists: Readonly<Record<string, FieldList>>,
): string[] {
  const out: string[] = [];
  for (const [kind, paths] of reads) {
    if (!Object.hasOwn(lists, kind)) continue;
    for (const p of paths) if (!keeps(lists[kind], p)) out.push(`${kind} ${p}`);
  }
  return out.sort();
}

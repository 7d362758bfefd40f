/**
 * Counts the work a rule does: every property read on the objects it is
 * given, their `metadata` and their `spec`. A rule that is linear in its inputs reads
 * a bounded number of properties per object, whatever the number of objects.
 */
export interface ReadCounter {
  reads: number;
}

type Obj = Record<string, unknown>;

function counting<T extends object>(target: T, counter: ReadCounter): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      counter.reads++;
      return Reflect.get(t, key, receiver);
    },
  });
}

/** The objects, their metadata and spec (and metadata.annotations / labels) counting reads into `counter`. */
export function countingObjects(objects: readonly Obj[], counter: ReadCounter): Obj[] {
  return objects.map((o) => {
    const metadata = { ...(o.metadata as Obj) };
    for (const k of ['annotations', 'labels'] as const) {
      if (metadata[k] && typeof metadata[k] === 'object') metadata[k] = counting(metadata[k] as Obj, counter);
    }
    const out: Obj = { ...o, metadata: counting(metadata, counter) };
    if (o.spec && typeof o.spec === 'object') out.spec = counting(o.spec as Obj, counter);
    return counting(out, counter);
  });
}

/** Reads per object at two sizes, from a builder of `n` objects and a run over them. */
export function readsPerObject(build: (n: number) => Obj[], runOn: (objects: Obj[]) => void, sizes: [number, number]) {
  return sizes.map((n) => {
    const counter: ReadCounter = { reads: 0 };
    const objects = countingObjects(build(n), counter);
    runOn(objects);
    return counter.reads / objects.length;
  });
}

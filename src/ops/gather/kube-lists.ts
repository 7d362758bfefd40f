import { listAll } from '../../kube/list-all.js';
import type { KubeReader } from '../../kube/reader.js';
import type { KubeObject } from '../../kube/types.js';
import type { Fact } from '../facts.js';
import { readFact } from './read-fact.js';

/** How the gatherers read: page size of lists and how many reads run at once. */
export interface GatherLimits {
  /** Objects per list page; default 500. */
  readonly pageSize?: number;
  /** Reads in flight at once (lists, logs, AWS calls); default 6. */
  readonly concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 6;

/** Every object of a kind, page by page (a 410 restarts the list), in one namespace or all. */
export async function listKind(
  kube: KubeReader,
  kind: string,
  namespace: string | undefined,
  limits: GatherLimits = {},
): Promise<KubeObject[]> {
  const out: KubeObject[] = [];
  await listAll(kube, kind, {
    namespace,
    pageSize: limits.pageSize,
    onPage: (items) => {
      for (const o of items) out.push(o);
    },
    onRestart: () => {
      out.length = 0;
    },
  });
  return out;
}

/** A whole list as a Fact: forbidden, not served or unreachable become unknown with the reason. */
export function listFact(
  kube: KubeReader,
  kind: string,
  namespace: string | undefined,
  limits: GatherLimits = {},
): Promise<Fact<readonly KubeObject[]>> {
  const where = namespace ? ` in namespace ${namespace}` : '';
  return readFact(`${kind} list${where}`, () => listKind(kube, kind, namespace, limits));
}

/**
 * Runs the tasks with at most `limit` in flight and returns their results by
 * name; each task already turns its failure into an unknown Fact.
 */
export async function boundedAll<T extends Record<string, unknown>>(
  tasks: { readonly [K in keyof T]: () => Promise<T[K]> },
  limit: number = DEFAULT_CONCURRENCY,
): Promise<T> {
  const keys = Object.keys(tasks) as (keyof T)[];
  const out = {} as T;
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      out[key] = await tasks[key]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, keys.length)) }, worker));
  return out;
}

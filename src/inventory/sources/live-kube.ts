import { KubeApiError } from '../../kube/errors.js';
import { isBuiltinKind, kindInfo, qualifiedResource } from '../../kube/kinds.js';
import { listAll } from '../../kube/list-all.js';
import type { KubeReader } from '../../kube/reader.js';
import { kubeResource } from '../memory.js';
import type { KubeResource, SourceRef } from '../types.js';
import { keepRuleFields, REPEATED_ONCE_KEPT } from './live-fields.js';
import { RepeatedParts } from './live-share.js';

export interface KubeProgress {
  readonly kind: string;
  /** Objects of this kind read so far. */
  readonly objects: number;
  readonly kindsDone: number;
  readonly kindsTotal: number;
  readonly done: boolean;
}

export interface KubeCollectOptions {
  readonly reader: KubeReader;
  /** Kinds to read (the selected rules' needs). */
  readonly kinds: readonly string[];
  /** Read namespaced kinds in this namespace only. */
  readonly namespace?: string;
  readonly pageSize?: number;
  /** Most pages read for one kind (see listAll); default 2,000. */
  readonly maxPages?: number;
  /** Kinds read at once; default 4. */
  readonly concurrency?: number;
  /**
   * `all` (default): objects as the server sent them (managedFields and Secret values aside). `rules`: only
   * the fields verify reads of the kinds a cluster has many of (see RULE_FIELDS), dropped as each page arrives.
   */
  readonly fields?: 'all' | 'rules';
  readonly onProgress?: (p: KubeProgress) => void;
}

export interface KubeCollection {
  readonly resources: KubeResource[];
  /** Kinds read completely (including kinds the cluster does not serve: there are none of them). */
  readonly kinds: Set<string>;
  /** Kinds that could not be read, with the reason. */
  readonly denied: Map<string, string>;
  readonly notes: string[];
}

/** Reads the given kinds from a cluster, a few kinds at a time, page by page. */
export async function collectKube(options: KubeCollectOptions): Promise<KubeCollection> {
  const kinds = [...new Set(options.kinds)].sort();
  const source: SourceRef = { cluster: options.reader.context };
  const byKind = new Map<string, KubeResource[]>();
  const out: KubeCollection = { resources: [], kinds: new Set(), denied: new Map(), notes: [] };
  let done = 0;
  let next = 0;
  // Pods repeat their ReplicaSet's labels and containers: one copy of each is kept (see RepeatedParts).
  const trim = options.fields === 'rules';
  const repeated = new RepeatedParts(trim ? REPEATED_ONCE_KEPT : {});

  async function readKind(kind: string): Promise<void> {
    const resolution = await options.reader.resolve(kind);
    if (!resolution.served) {
      out.notes.push(`${resolution.reason}; treated as none present`);
      out.kinds.add(kind);
      return;
    }
    let list: KubeResource[] = [];
    const namespace = resolution.info.namespaced ? options.namespace : undefined;
    try {
      await listAll(options.reader, kind, {
        namespace,
        pageSize: options.pageSize,
        maxPages: options.maxPages,
        onPage: (items) => {
          for (const item of items) {
            const o = trim ? keepRuleFields(item) : item;
            repeated.share(o);
            list.push(kubeResource(o, source));
          }
          options.onProgress?.({ kind, objects: list.length, kindsDone: done, kindsTotal: kinds.length, done: false });
        },
        onRestart: (reason) => {
          list = [];
          out.notes.push(reason);
        },
      });
      byKind.set(kind, list);
      out.kinds.add(kind);
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404 && isBuiltinKind(kind)) {
        out.denied.set(kind, `${kind} is not served by this API server (404 on list); it cannot be shown`);
      } else if (e instanceof KubeApiError && e.status === 404) {
        // Discovery could not tell; the list itself says the kind is not served.
        out.notes.push(`${kind} is not served by this cluster (404 on list); treated as none present`);
        out.kinds.add(kind);
      } else {
        out.denied.set(kind, denialReason(kind, namespace, e));
      }
    }
  }

  async function worker(): Promise<void> {
    while (next < kinds.length) {
      const kind = kinds[next++];
      try {
        await readKind(kind);
      } catch (e) {
        out.denied.set(kind, denialReason(kind, options.namespace, e));
      }
      done++;
      options.onProgress?.({
        kind,
        objects: byKind.get(kind)?.length ?? 0,
        kindsDone: done,
        kindsTotal: kinds.length,
        done: true,
      });
    }
  }

  const width = Math.max(1, Math.min(options.concurrency ?? 4, kinds.length));
  await Promise.all(Array.from({ length: width }, () => worker()));
  // Deterministic order regardless of which kind finished first.
  for (const kind of kinds) for (const r of byKind.get(kind) ?? []) out.resources.push(r);
  out.notes.sort();
  return out;
}

/** "forbidden: list deployments.apps at cluster scope (RBAC)", or what else went wrong. */
export function denialReason(kind: string, namespace: string | undefined, e: unknown): string {
  const info = kindInfo(kind);
  const resource = info ? qualifiedResource(info) : kind;
  const scope = namespace ? `in namespace ${namespace}` : 'at cluster scope';
  if (e instanceof KubeApiError) {
    if (e.status === 403) return `forbidden: list ${resource} ${scope} (RBAC)`;
    if (e.status === 401) return `unauthorized: the API server rejected the credentials while listing ${resource}`;
    return `could not list ${resource} ${scope}: ${e.message}`;
  }
  return `could not list ${resource} ${scope}: ${e instanceof Error ? e.message : String(e)}`;
}

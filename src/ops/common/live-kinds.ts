import { Inventory } from '../../inventory/inventory.js';
import { collectKube } from '../../inventory/sources/live-kube.js';
import type { LiveConnection } from '../../live/connect.js';

/** The objects a live analysis read, indexed as an inventory, and the kinds it could not read. */
export interface LiveKinds {
  readonly inventory: Inventory;
  /** Kind → why it could not be read (403 naming the RBAC verb and resource, a broken answer, …). */
  readonly unread: Readonly<Record<string, string>>;
}

export interface LiveKindOptions {
  readonly pageSize?: number;
  /** Kinds listed at once; default 4. */
  readonly concurrency?: number;
}

/**
 * Lists the kinds an analysis needs from the live cluster, a few at a time
 * and page by page (limit/continue, a restart on an expired token). A kind
 * the cluster does not serve counts as none present; a kind it refuses is
 * left out and named in `unread`, never treated as empty.
 */
export async function readLiveKinds(
  conn: Pick<LiveConnection, 'kube' | 'namespace'>,
  kinds: readonly string[],
  options: LiveKindOptions = {},
): Promise<LiveKinds> {
  const got = await collectKube({
    reader: conn.kube,
    kinds,
    namespace: conn.namespace,
    pageSize: options.pageSize,
    concurrency: options.concurrency ?? 4,
  });
  const inventory = new Inventory({
    kube: got.resources,
    coverage: { mode: 'live', kubeKinds: got.kinds, kubeDenied: got.denied, notes: got.notes },
  });
  return { inventory, unread: Object.fromEntries([...got.denied].sort(([a], [b]) => a.localeCompare(b))) };
}

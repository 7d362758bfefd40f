import type { KubeObject } from '../inventory/types.js';
import { KubeApiError } from './errors.js';
import type { KubeReader } from './reader.js';

export interface ListAllOptions {
  readonly namespace?: string;
  /** Objects per page; default 500. */
  readonly pageSize?: number;
  /** How often an expired continue token (410) may restart the list; default 3. */
  readonly maxRestarts?: number;
  /** Each page's items, as they arrive. */
  readonly onPage: (items: KubeObject[]) => void;
  /** Called when the list starts over: drop what onPage delivered so far. */
  readonly onRestart?: (reason: string) => void;
}

/**
 * Reads a whole list page by page (limit/continue). When the server says a
 * continue token expired (410 Gone), the list starts again from the first page,
 * because the pages already read may belong to an older snapshot.
 */
export async function listAll(reader: KubeReader, kind: string, options: ListAllOptions): Promise<void> {
  const limit = options.pageSize ?? 500;
  const maxRestarts = options.maxRestarts ?? 3;
  let restarts = 0;
  let token: string | undefined;
  for (;;) {
    try {
      const page = await reader.list(kind, { namespace: options.namespace, limit, continue: token });
      options.onPage(page.items);
      token = page.continue;
      if (!token) return;
    } catch (e) {
      if (!(e instanceof KubeApiError) || e.status !== 410 || token === undefined || restarts >= maxRestarts) throw e;
      restarts++;
      token = undefined;
      options.onRestart?.(`continue token expired while listing ${kind}; restarted the list (${restarts})`);
    }
  }
}

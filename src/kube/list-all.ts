import { KubeApiError } from './errors.js';
import type { KubeReader } from './reader.js';
import type { KubeObject } from './types.js';

export interface ListAllOptions {
  readonly namespace?: string;
  /** Only objects whose fields match (`involvedObject.name=web`); sent as `fieldSelector`. */
  readonly fieldSelector?: string;
  /** Objects per page; default 500. */
  readonly pageSize?: number;
  /** How often an expired continue token (410) may restart the list; default 3. */
  readonly maxRestarts?: number;
  /** Most pages read for one list (a server that never ends a list is cut off); default 2,000. */
  readonly maxPages?: number;
  /** Each page's items, as they arrive. */
  readonly onPage: (items: KubeObject[]) => void;
  /** Called when the list starts over: drop what onPage delivered so far. */
  readonly onRestart?: (reason: string) => void;
}

/** A list the server never finishes: a continue token seen before, or more pages than allowed. */
export class EndlessListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndlessListError';
  }
}

/**
 * Reads a whole list page by page (limit/continue). When the server says a
 * continue token expired (410 Gone), the list starts again from the first page,
 * because the pages already read may belong to an older snapshot. A continue
 * token that comes back a second time, or a list longer than maxPages, ends
 * the list with an EndlessListError instead of looping.
 */
export async function listAll(reader: KubeReader, kind: string, options: ListAllOptions): Promise<void> {
  const limit = options.pageSize ?? 500;
  const maxRestarts = options.maxRestarts ?? 3;
  const maxPages = options.maxPages ?? 2_000;
  let restarts = 0;
  let pages = 0;
  let token: string | undefined;
  let tokens = new Set<string>();
  const request = (cont: string | undefined) =>
    reader.list(kind, { namespace: options.namespace, fieldSelector: options.fieldSelector, limit, continue: cont });
  let pending = request(undefined);
  for (;;) {
    try {
      const page = await pending;
      pages++;
      token = page.continue;
      if (token) {
        if (tokens.has(token)) {
          throw new EndlessListError(
            `the API server sent the same continue token twice while listing ${kind} (after ${pages} pages); the list would never end`,
          );
        }
        if (pages >= maxPages) {
          throw new EndlessListError(`listing ${kind} took more than ${maxPages} pages of ${limit}; stopped`);
        }
        tokens.add(token);
        // The next page is asked for before this one is handed over, so the server works while the
        // caller turns items into inventory objects. onPage runs synchronously: the request's answer is
        // always awaited (and its errors caught) before anything else can run.
        pending = request(token);
      }
      options.onPage(page.items);
      if (!token) return;
    } catch (e) {
      if (!(e instanceof KubeApiError) || e.status !== 410 || token === undefined || restarts >= maxRestarts) {
        // A page asked for ahead is not waited for any more: its failure, if any, is this one's.
        pending.catch(() => undefined);
        throw e;
      }
      restarts++;
      token = undefined;
      tokens = new Set();
      options.onRestart?.(`continue token expired while listing ${kind}; restarted the list (${restarts})`);
      pending = request(undefined);
    }
  }
}

import type { RemovedApiEntry, RemovedApiTable } from './removed-api-schema.js';
import table from './removed-apis.json' with { type: 'json' };

/**
 * The Kubernetes API versions that are no longer served, one entry per
 * group/version/kind, from the Kubernetes deprecated API migration guide
 * (`source`, read on `retrieved`). The upgrade rule and `slipway upgrade plan`
 * read this one list.
 */

export type RemovedApi = RemovedApiEntry & { readonly apiVersion: string };

/** `group/version`, or `version` for the core group. */
export function apiVersionOf(e: { readonly group: string; readonly version: string }): string {
  return e.group ? `${e.group}/${e.version}` : e.version;
}

// The table's shape is checked by its test against src/versions/removed-api-schema.ts: building and running that
// schema here cost ~15 ms of every start that loads the rules.
const parsed = table as RemovedApiTable;

export const REMOVED_APIS_SOURCE: { readonly source: string; readonly retrieved: string } = {
  source: parsed.source,
  retrieved: parsed.retrieved,
};

export const REMOVED_APIS: readonly RemovedApi[] = parsed.entries.map((e) => ({ ...e, apiVersion: apiVersionOf(e) }));

const BY_API_KIND = new Map<string, RemovedApi>();
for (const e of REMOVED_APIS) BY_API_KIND.set(`${e.apiVersion} ${e.kind}`, e);

/** The entry for an object's apiVersion and kind, or undefined when that pair is still served. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return BY_API_KIND.get(`${apiVersion} ${kind}`);
}

/** The minor number of "1.N". */
export function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}

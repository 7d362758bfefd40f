import { z } from 'zod';
import table from './removed-apis.json' with { type: 'json' };

/**
 * The Kubernetes API versions that are no longer served, one entry per
 * group/version/kind, from the Kubernetes deprecated API migration guide
 * (`source`, read on `retrieved`). The upgrade rule and `slipway upgrade plan`
 * read this one list.
 */

const minor = z.string().regex(/^1\.\d+$/, 'a Kubernetes minor such as 1.25');

export const removedApiSchema = z.strictObject({
  /** API group; "" for the core group. */
  group: z.string(),
  version: z.string().regex(/^v\d+((alpha|beta)\d+)?$/, 'an API version such as v1beta1'),
  kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'a Kubernetes kind such as CronJob'),
  deprecatedIn: minor,
  removedIn: minor,
  /** The API version to use instead (group/version), or what replaces the API when none does. */
  replacement: z.string().min(1),
  /** What changes when moving to the replacement, when the guide names something. */
  notes: z.string().min(1).optional(),
});

export const removedApiTableSchema = z.strictObject({
  source: z.url(),
  retrieved: z.iso.date(),
  notes: z.string().min(1),
  entries: z.array(removedApiSchema).min(1),
});

export type RemovedApi = z.infer<typeof removedApiSchema> & { readonly apiVersion: string };
export type RemovedApiTable = z.infer<typeof removedApiTableSchema>;

/** `group/version`, or `version` for the core group. */
export function apiVersionOf(e: { readonly group: string; readonly version: string }): string {
  return e.group ? `${e.group}/${e.version}` : e.version;
}

/** Validates a table (the bundled one at load); an entry that lacks a field is an error naming it. */
export function parseRemovedApiTable(raw: unknown): RemovedApiTable {
  const parsed = removedApiTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `removed-API table (src/versions/removed-apis.json): ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

const parsed = parseRemovedApiTable(table);

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

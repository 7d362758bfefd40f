import { z } from 'zod';

/**
 * The shape of the removed-API table (src/versions/removed-apis.json). The
 * table ships with the package and is checked against this schema by its test
 * (test/versions/removed-apis.test.ts), not on every start of the CLI.
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

export type RemovedApiEntry = z.infer<typeof removedApiSchema>;
export type RemovedApiTable = z.infer<typeof removedApiTableSchema>;

/** Validates a table; an entry that lacks a field is an error naming it. */
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

import type { KubeResource } from '../../inventory/types.js';
import { toWorkload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';

/** Annotation prefix: `slipway.io/ignore.<ruleId>` or `slipway.io/ignore.<ruleId>.<container>`. */
export const SUPPRESSION_PREFIX = 'slipway.io/ignore.';

/** A suppression annotation found on an object or its pod template. */
export interface AnnotationSuppression {
  readonly resource: KubeResource;
  readonly key: string;
  /** Path of the annotation inside the object (for its position). */
  readonly path: ValuePath;
  readonly ruleId?: string;
  readonly container?: string;
  readonly reason?: string;
  readonly expires?: string;
  /** Why the annotation is not a valid suppression. */
  readonly invalid?: string;
  used: boolean;
}

const EXPIRES = /;\s*expires\s*=\s*(\S*)\s*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The suppression annotations of an object: on its metadata and, for a
 * workload, on its pod template. `ruleIds` are the known rules: the longest one
 * the key starts with is the rule, and what follows it is a container name.
 */
export function suppressionsOf(resource: KubeResource, ruleIds: readonly string[]): AnnotationSuppression[] {
  const out: AnnotationSuppression[] = [];
  const scan = (annotations: unknown, base: ValuePath) => {
    if (!annotations || typeof annotations !== 'object') return;
    for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
      if (!key.startsWith(SUPPRESSION_PREFIX)) continue;
      out.push(parseSuppression(resource, key, value, [...base, key], ruleIds));
    }
  };
  scan(resource.object.metadata.annotations, ['metadata', 'annotations']);
  const w = toWorkload(resource);
  if (w?.templatePath.length) scan(w.template.metadata?.annotations, [...w.templatePath, 'metadata', 'annotations']);
  return out;
}

function parseSuppression(
  resource: KubeResource,
  key: string,
  value: unknown,
  path: ValuePath,
  ruleIds: readonly string[],
): AnnotationSuppression {
  const rest = key.slice(SUPPRESSION_PREFIX.length);
  let ruleId: string | undefined;
  for (const id of ruleIds) {
    if ((rest === id || rest.startsWith(`${id}.`)) && (!ruleId || id.length > ruleId.length)) ruleId = id;
  }
  const base = { resource, key, path, used: false };
  if (!ruleId) return { ...base, invalid: `"${rest}" is not the id of a known rule` };
  const container = rest.length > ruleId.length ? rest.slice(ruleId.length + 1) : undefined;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const m = EXPIRES.exec(text);
  const reason = (m ? text.slice(0, m.index) : text).trim();
  const expires = m?.[1];
  const parsed = { ...base, ruleId, container, reason: reason || undefined, expires };
  if (!reason) return { ...parsed, invalid: 'it has no reason; write why the finding does not apply as the value' };
  if (expires !== undefined && (!DATE.test(expires) || Number.isNaN(Date.parse(expires)))) {
    return { ...parsed, invalid: `expires="${expires}" is not a date; use expires=YYYY-MM-DD` };
  }
  return parsed;
}

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An expiry day still counts; the day after, it has expired. */
export function isExpired(expires: string | undefined, today: string): boolean {
  return expires !== undefined && expires < today;
}

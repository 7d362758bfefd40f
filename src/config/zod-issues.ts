import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { getAt, type ValuePath } from '../util/paths.js';

/** A schema problem in terms of the validated value: path, message, value seen. */
export interface SchemaProblem {
  readonly path: ValuePath;
  /** True when the problem is the key itself (unknown key), so the key's position is the one to show. */
  readonly atKey: boolean;
  readonly message: string;
  readonly received?: unknown;
}

type AnySchema = z.core.$ZodType;

/**
 * Turns zod issues into problems a person can act on: one per unknown key with
 * a "did you mean", union failures reduced to the branch that came closest,
 * and the value seen at each path.
 */
export function schemaProblems(schema: AnySchema, data: unknown, issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) collect(schema, data, issue, [], out);
  return out;
}

function collect(
  schema: AnySchema,
  data: unknown,
  issue: z.core.$ZodIssue,
  prefix: ValuePath,
  out: SchemaProblem[],
): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    for (const key of issue.keys) {
      const hint = suggest(key, known);
      out.push({
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''}${known.length ? ` Allowed here: ${known.join(', ')}` : ''}`,
      });
    }
    return;
  }
  if (issue.code === 'invalid_key' && issue.issues.length > 0) {
    const key = path[path.length - 1];
    const wanted = issue.issues.map((i) => i.message).join('; ');
    out.push({
      path,
      atKey: true,
      message: `the key "${String(key)}" is not allowed here; expected ${wanted}`,
      received: key,
    });
    return;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
    if (best.length > 0 && depth(best) > 0) {
      for (const inner of best) collect(schema, data, inner, path, out);
      return;
    }
  }
  const received = getAt(data, path);
  const message =
    received === undefined && issue.code === 'invalid_type'
      ? `is required (${issue.message.replace(/^Invalid input: /, '')})`
      : issue.message;
  out.push({ path, atKey: false, message, received });
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Keys the schema allows for the object at `path`. */
export function knownKeysAt(schema: AnySchema, path: ValuePath): string[] {
  let nodes: AnySchema[] = [schema];
  for (const seg of path) {
    nodes = nodes.flatMap((n) => unwrap(n)).flatMap((n) => child(n, seg));
  }
  const keys = new Set<string>();
  for (const n of nodes.flatMap((x) => unwrap(x))) {
    const def = n._zod.def as { type: string; shape?: Record<string, unknown> };
    if (def.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys].sort();
}

function unwrap(s: AnySchema): AnySchema[] {
  const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType as AnySchema);
    case 'pipe':
      return unwrap(def.in as AnySchema);
    case 'union':
      return (def.options as AnySchema[]).flatMap(unwrap);
    default:
      return [s];
  }
}

function child(s: AnySchema, seg: string | number): AnySchema[] {
  const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') {
    const c = (def.shape as Record<string, AnySchema>)[String(seg)];
    return c ? [c] : [];
  }
  if (def.type === 'array') return [def.element as AnySchema];
  if (def.type === 'record') return [def.valueType as AnySchema];
  return [];
}

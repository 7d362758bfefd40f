import { type LoadOptions, load, loadAll, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { InputProblem } from '../types.js';
import { MANIFEST_SCHEMA } from './yaml-schema.js';
import { documentText, type RawDocument } from './yaml-stream.js';

/** Limits that keep hostile input from hanging or crashing the reader. */
export interface ParseLimits {
  /** Deepest nesting of mappings and sequences accepted. */
  readonly maxDepth: number;
  /** Most alias expansions accepted in one document; more is treated as an alias bomb. */
  readonly maxAliasCount: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 200, maxAliasCount: 100 };

export type ParsedDocument = { readonly value: unknown } | { readonly problem: InputProblem };

/** What may stand before an alias's `*` (or the text's start) and what may not follow it. */
const BEFORE_ALIAS = /[\s,[{:]/;
const NOT_ALIAS_NAME = /[\s,[\]{}]/;

/**
 * Whether the text may hold an alias (`*name` after white space, `,`, `[`,
 * `{`, `:` or at the start): only documents with one can expand exponentially.
 * Only the `*` characters are looked at (cron schedules and RBAC wildcards are
 * the usual ones), not every position of the text.
 */
export function mayHaveAlias(text: string): boolean {
  for (let i = text.indexOf('*'); i !== -1 && i + 1 < text.length; i = text.indexOf('*', i + 1)) {
    if (NOT_ALIAS_NAME.test(text[i + 1])) continue;
    if (i === 0 || BEFORE_ALIAS.test(text[i - 1])) return true;
  }
  return false;
}

/**
 * Parses one document fast with js-yaml. Documents that use aliases go through
 * `yaml` instead, which bounds alias expansion. Duplicate keys, syntax errors
 * and excessive nesting become positioned problems.
 */
export function parseRawDocument(doc: RawDocument, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument {
  const text = documentText(doc);
  let value: unknown;
  try {
    if (!mayHaveAlias(text)) {
      // js-yaml 4.1+ bounds nesting itself with maxDepth (its typings do not list the option).
      return { value: load(text, { schema: MANIFEST_SCHEMA, maxDepth: limits.maxDepth } as LoadOptions) };
    }
    value = parseWithAliases(text, doc, limits);
  } catch (e) {
    return { problem: toProblem(e, doc, limits) };
  }
  if (maxDepth(value, limits.maxDepth) > limits.maxDepth) {
    return {
      problem: {
        file: doc.file,
        line: doc.startLine + 1,
        column: 1,
        message: `the document nests deeper than ${limits.maxDepth} levels; refused as malformed or hostile input`,
      },
    };
  }
  return { value };
}

/**
 * The values of a whole file's documents from one js-yaml call, when that is
 * sure to equal parsing its documents one by one (most files): no aliases (those
 * go through the bounded parser), no directive lines, no error anywhere, and
 * exactly `expected` non-null documents, one per document with content the
 * splitter found. Otherwise undefined: the caller parses document by document,
 * which is what positions errors and isolates a bad document from good ones.
 */
export function parseAllDocuments(
  text: string,
  expected: number,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): unknown[] | undefined {
  if (mayHaveAlias(text) || text.charCodeAt(0) === 37 || text.indexOf('\n%') !== -1) {
    return undefined;
  }
  let all: unknown[];
  try {
    all = loadAll(text, null, { schema: MANIFEST_SCHEMA, maxDepth: limits.maxDepth } as LoadOptions);
  } catch {
    return undefined;
  }
  // Empty documents (comments only) read as null, and the splitter drops them: the rest pair up in order.
  const values: unknown[] = [];
  for (let i = 0; i < all.length; i++) if (all[i] !== null && all[i] !== undefined) values.push(all[i]);
  return values.length === expected ? values : undefined;
}

class PositionedError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function parseWithAliases(text: string, doc: RawDocument, limits: ParseLimits): unknown {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  const err = parsed.errors[0];
  if (err) {
    const { line, col } = lineCounter.linePos(err.pos[0]);
    const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const message = err.code === 'DUPLICATE_KEY' ? `duplicate key: ${first}` : `YAML syntax error: ${first}`;
    throw new PositionedError(message, doc.startLine + line, col);
  }
  try {
    return parsed.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) {
      throw new PositionedError(
        `YAML aliases expand too far (more than ${limits.maxAliasCount} expansions); refused as a possible alias bomb`,
        doc.startLine + 1,
        1,
      );
    }
    throw e;
  }
}

function toProblem(e: unknown, doc: RawDocument, limits: ParseLimits): InputProblem {
  if (e instanceof PositionedError) return { file: doc.file, line: e.line, column: e.column, message: e.message };
  if (e instanceof YAMLException) {
    const reason = e.reason ?? e.message;
    if (/nesting exceeded maxDepth/.test(reason)) {
      return {
        file: doc.file,
        line: doc.startLine + (e.mark?.line ?? 0) + 1,
        column: (e.mark?.column ?? 0) + 1,
        message: `the document nests deeper than ${limits.maxDepth} levels; refused as malformed or hostile input`,
      };
    }
    const line = e.mark?.line ?? 0;
    const duplicate = /duplicated mapping key/.test(reason);
    const key = duplicate ? duplicateKeyAt(documentText(doc), line) : undefined;
    return {
      file: doc.file,
      line: doc.startLine + line + 1,
      column: (e.mark?.column ?? 0) + 1,
      message: duplicate
        ? `duplicate key${key ? ` "${key}"` : ''}: a key may appear only once in a mapping`
        : `YAML syntax error: ${reason}`,
    };
  }
  if (e instanceof RangeError) {
    return {
      file: doc.file,
      line: doc.startLine + 1,
      column: 1,
      message: 'the document nests too deeply to read; refused as malformed or hostile input',
    };
  }
  return {
    file: doc.file,
    line: doc.startLine + 1,
    column: 1,
    message: `the document could not be read: ${(e as Error).message}`,
  };
}

/** The key written on a line of a document (for duplicate-key messages). */
function duplicateKeyAt(text: string, line: number): string | undefined {
  const lineText = text.split('\n', line + 1)[line] ?? '';
  const m = /^[\s-]*["']?([^"':#{}[\],]+?)["']?\s*:/.exec(lineText);
  return m?.[1];
}

/** Nesting depth of a value, stopping once it passes `limit` (so the recursion itself stays bounded). */
function maxDepth(value: unknown, limit: number, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth;
  const here = depth + 1;
  if (here > limit) return here;
  let deepest = here;
  if (Array.isArray(value)) {
    for (const x of value) {
      if (x !== null && typeof x === 'object') {
        const d = maxDepth(x, limit, here);
        if (d > deepest) deepest = d;
        if (deepest > limit) return deepest;
      }
    }
  } else {
    for (const k in value) {
      const x = (value as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') {
        const d = maxDepth(x, limit, here);
        if (d > deepest) deepest = d;
        if (deepest > limit) return deepest;
      }
    }
  }
  return deepest;
}

import { type Document, isScalar, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { ValuePath } from '../util/paths.js';
import { pathOffset } from '../util/yaml-path.js';
import type { ConfigIssue, SourceLocation } from './errors.js';

/** Largest number of alias expansions accepted; more is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML document that can say where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** The position of the value (or, with `key`, of the key) at a path; falls back to the nearest ancestor. */
  locate(path: ValuePath, opts?: { key?: boolean }): SourceLocation | undefined;
}

/**
 * Parses one YAML document keeping source positions. Syntax errors, duplicate
 * keys, multiple documents and alias bombs become positioned issues instead
 * of exceptions.
 */
export function parseYamlSource(text: string, file: string): { source?: YamlSource; issues: ConfigIssue[] } {
  const lineCounter = new LineCounter();
  const issues: ConfigIssue[] = [];
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    return { issues: [{ path: [], message: `YAML could not be parsed: ${(e as Error).message}`, location: at(0) }] };
  }
  for (const err of doc.errors) {
    issues.push({ path: [], message: yamlMessage(err.message, err.code), location: at(err.pos[0]) });
  }
  if (issues.length) return { issues };
  if (text.trim() === '' || doc.contents === null) {
    return {
      issues: [{ path: [], message: 'the file is empty; expected a mapping such as "project: shop"', location: at(0) }],
    };
  }
  // `__proto__` as a key would set an object's prototype: the entry would vanish without a word.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        issues.push({
          path: [],
          message: 'the key "__proto__" is not allowed (it names an object\'s prototype); rename it',
          location: at(pair.key.range?.[0] ?? 0),
        });
      }
    },
  });
  if (issues.length) return { issues };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    const bomb = /alias/i.test(msg);
    return {
      issues: [
        {
          path: [],
          message: bomb
            ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions): refused as a possible alias bomb`
            : `YAML could not be converted: ${msg}`,
          location: at(0),
        },
      ],
    };
  }
  const locate = (path: ValuePath, opts?: { key?: boolean }) => {
    const range = pathOffset(doc.contents as Node | null, path, { key: opts?.key ?? false });
    return range === undefined ? undefined : at(range);
  };
  return { source: { file, data, locate }, issues };
}

function yamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `duplicate key: ${first}`;
  return `YAML syntax error: ${first}`;
}

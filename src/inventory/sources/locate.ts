import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ValuePath } from '../../util/paths.js';
import type { SourceRef } from '../types.js';
import { fastLocate } from './fast-locate.js';
import { documentText, type RawDocument } from './yaml-stream.js';

interface Parsed {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/**
 * Finds positions inside one document, only when asked (most documents are
 * never located): first by reading its lines (fastLocate), else by re-parsing
 * it with `yaml`, which keeps source ranges.
 */
export class DocumentLocator {
  private parsed?: Parsed;
  private lines?: string[];
  constructor(readonly raw: RawDocument) {}

  /** Position of the value at `path` (or its nearest existing ancestor), 1-based. */
  locate(path: ValuePath): SourceRef {
    // Block-style manifests are read line by line; anything else goes through the full parser.
    if (!this.parsed) {
      this.lines ??= documentText(this.raw).replace(/\r/g, '').split('\n');
      const fast = fastLocate(this.lines, path);
      if (fast) return { file: this.raw.file, line: this.raw.startLine + fast.line + 1, column: fast.col + 1 };
    }
    const p = this.parse();
    const offset = findOffset(p.doc.contents as Node | null, path);
    const { line, col } = p.lines.linePos(offset ?? 0);
    return { file: this.raw.file, line: this.raw.startLine + line, column: col };
  }

  private parse(): Parsed {
    if (!this.parsed) {
      const lines = new LineCounter();
      // Unknown tags (CloudFormation's !Ref …) only warn; positions are all that is needed here.
      const doc = parseDocument(documentText(this.raw), { lineCounter: lines, uniqueKeys: false, strict: false });
      this.parsed = { doc, lines };
    }
    return this.parsed;
  }
}

/** Offset of the node at `path`, or of the closest ancestor that exists. */
export function findOffset(root: Node | null, path: ValuePath): number | undefined {
  let node: unknown = root;
  let best: number | undefined = (root as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      const value = pair.value as Node | null;
      // A scalar points at its value; a mapping, a sequence or an empty value (`key:`) at its key.
      best = isScalar(value) && value.value !== null && value.range ? value.range[0] : (keyNode.range?.[0] ?? best);
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}

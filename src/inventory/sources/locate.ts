import { type Document, LineCounter, type Node, parseDocument } from 'yaml';
import type { ValuePath } from '../../util/paths.js';
import { pathOffset } from '../../util/yaml-path.js';
import type { SourceRef } from '../types.js';
import { fastLocate, newIndentCache, type StepCache } from './fast-locate.js';
import { contentStart, documentText, type RawDocument } from './yaml-stream.js';

interface Parsed {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/**
 * Finds positions inside one document, only when asked (most documents are
 * never located): first by reading its lines (fastLocate), else by re-parsing
 * it with `yaml`, which keeps source ranges. Creating one costs nothing but
 * the object: lines, positions and the re-parse are all computed on first use.
 */
export class DocumentLocator {
  #parsed?: Parsed;
  #lines?: string[];
  #indents?: Int32Array;
  #steps: StepCache = {};
  #start?: SourceRef;
  constructor(readonly raw: RawDocument) {}

  /** Position of the value at `path` (or its nearest existing ancestor), 1-based. */
  locate(path: ValuePath): SourceRef {
    // Block-style manifests are read line by line; anything else goes through the full parser.
    if (!this.#parsed) {
      if (!this.#lines) {
        const text = documentText(this.raw);
        this.#lines = (text.indexOf('\r') === -1 ? text : text.replace(/\r/g, '')).split('\n');
      }
      this.#indents ??= newIndentCache(this.#lines);
      const fast = fastLocate(this.#lines, path, this.#indents, this.#steps);
      if (fast) return { file: this.raw.file, line: this.raw.startLine + fast.line + 1, column: fast.col + 1 };
    }
    const p = this.parse();
    const offset = findOffset(p.doc.contents as Node | null, path);
    const { line, col } = p.lines.linePos(offset ?? 0);
    return { file: this.raw.file, line: this.raw.startLine + line, column: col };
  }

  /**
   * Drops what locating kept: the lines, their indentation, the walks and the re-parse (the next locate
   * computes them again). Verify locates a document's findings together and then releases it, so these
   * die young instead of piling up in the old generation for the rest of the run.
   */
  release(): void {
    this.#parsed = undefined;
    this.#lines = undefined;
    this.#indents = undefined;
    this.#steps = {};
  }

  /** Position of the document's first content (what an object read from it points at). */
  start(): SourceRef {
    this.#start ??= { file: this.raw.file, ...contentStart(this.raw) };
    return this.#start;
  }

  /** The file the document was read from (no line counted). */
  get file(): string {
    return this.raw.file;
  }

  /** `file:line` of the document, for notes about it. */
  get where(): string {
    return `${this.raw.file}:${this.start().line}`;
  }

  private parse(): Parsed {
    if (!this.#parsed) {
      const lines = new LineCounter();
      // Unknown tags (CloudFormation's !Ref …) only warn; positions are all that is needed here.
      const doc = parseDocument(documentText(this.raw), { lineCounter: lines, uniqueKeys: false, strict: false });
      this.#parsed = { doc, lines };
    }
    return this.#parsed;
  }
}

/**
 * Offset of the node at `path`, or of the closest ancestor that exists: a
 * scalar points at its value; a mapping, a sequence or an empty value (`key:`) at its key.
 */
export function findOffset(root: Node | null, path: ValuePath): number | undefined {
  return pathOffset(root, path, { collectionsAt: 'key' });
}

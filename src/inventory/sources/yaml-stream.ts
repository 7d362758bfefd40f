/**
 * Splits a YAML stream into its documents without parsing them, remembering
 * where each starts, so documents can be parsed fast one by one (js-yaml) and
 * re-parsed with positions (yaml) only when a finding points into them.
 */

/** One document of a file: a slice of the file's text. */
export interface RawDocument {
  readonly file: string;
  /** The whole file's text (shared by its documents; sliced on demand). */
  readonly fileText: string;
  /** Offsets of the document inside the file's text. */
  readonly start: number;
  readonly end: number;
  /** 0-based line of `start` in the file. */
  readonly startLine: number;
  /** 0-based position of the document in the file. */
  readonly index: number;
}

export function documentText(doc: RawDocument): string {
  return doc.fileText.slice(doc.start, doc.end);
}

const MARKER = /^(---|\.\.\.)(?:[ \t\r]|$)/;

/**
 * Splits on `---` lines (and after `...` lines). Documents with nothing but
 * comments or blank lines (helm template leaves such) are dropped.
 */
export function splitDocuments(text: string, file: string): RawDocument[] {
  const docs: RawDocument[] = [];
  let docStart = 0;
  let docStartLine = 0;
  let hasContent = false;
  let lineStart = 0;
  let line = 0;
  const close = (end: number) => {
    docs.push({ file, fileText: text, start: docStart, end, startLine: docStartLine, index: docs.length });
  };
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1) nl = text.length;
    const c = text.charCodeAt(lineStart);
    // '-' 45, '.' 46: only those lines can be markers.
    if ((c === 45 || c === 46) && MARKER.test(text.slice(lineStart, Math.min(nl, lineStart + 4)))) {
      const isEnd = c === 46;
      if (isEnd) {
        if (hasContent) close(nl === text.length ? nl : nl + 1);
        docStart = nl + 1;
        docStartLine = line + 1;
        hasContent = false;
      } else {
        // A `---` after content ends that document; after nothing (comments, an empty document) it just restarts.
        if (hasContent) close(lineStart);
        docStart = lineStart;
        docStartLine = line;
        hasContent = false;
      }
      // A `---` line may carry content after the marker (`--- {a: 1}`).
      if (!isEnd && /\S/.test(text.slice(lineStart + 3, nl).replace(/#.*/, ''))) hasContent = true;
    } else if (!hasContent) {
      const first = firstNonSpace(text, lineStart, nl);
      if (first !== -1) {
        const ch = text.charCodeAt(first);
        if (ch !== 35 /* # */ && !(first === lineStart && ch === 37) /* % directive */) hasContent = true;
      }
    }
    if (nl === text.length) break;
    lineStart = nl + 1;
    line++;
  }
  // Trailing comments or blank lines alone are not a document.
  if (hasContent) close(text.length);
  return docs;
}

function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 13) return i;
  }
  return -1;
}

/** 1-based line and column of the first content (not comment, blank or marker) line of a document. */
export function contentStart(doc: RawDocument): { line: number; column: number } {
  const text = doc.fileText;
  let pos = doc.start;
  let line = doc.startLine;
  while (pos < doc.end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > doc.end) nl = doc.end;
    const first = firstNonSpace(text, pos, nl);
    if (first !== -1) {
      const ch = text.charCodeAt(first);
      const isMarker = (ch === 45 || ch === 37) && first === pos && /^(---|%)/.test(text.slice(pos, pos + 3));
      if (ch !== 35 && !isMarker) return { line: line + 1, column: first - pos + 1 };
      if (isMarker && ch === 45) {
        const rest = firstNonSpace(text, pos + 3, nl);
        if (rest !== -1 && text.charCodeAt(rest) !== 35) return { line: line + 1, column: rest - pos + 1 };
      }
    }
    pos = nl + 1;
    line++;
  }
  return { line: doc.startLine + 1, column: 1 };
}

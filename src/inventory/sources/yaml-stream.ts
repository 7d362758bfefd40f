/**
 * Splits a YAML stream into its documents without parsing them, remembering
 * where each starts, so documents can be parsed fast one by one (js-yaml) and
 * re-parsed with positions (yaml) only when a finding points into them.
 *
 * Splitting only looks at marker lines (found with indexOf, not line by line)
 * and at the first lines of each document; line numbers are counted only when
 * asked for, from the nearest line already known.
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

/**
 * Line numbers of offsets, counted on demand: newlines are counted from the
 * nearest offset already resolved at or before the one asked for (lookups come
 * mostly in file order, so each stretch of text is usually counted once).
 */
class LineIndex {
  /** Resolved offsets (ascending) and their 0-based lines. */
  private readonly offsets: number[] = [0];
  private readonly lines: number[] = [0];
  constructor(private readonly text: string) {}

  /** 0-based line of an offset: the number of newlines before it. */
  lineOf(offset: number): number {
    const offsets = this.offsets;
    // Nearest resolved offset at or before this one (usually the last).
    let i = offsets.length - 1;
    if (offsets[i] > offset) {
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    }
    const from = offsets[i];
    let line = this.lines[i];
    if (from === offset) return line;
    const text = this.text;
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) line++;
    offsets.splice(i + 1, 0, offset);
    this.lines.splice(i + 1, 0, line);
    return line;
  }
}

class FileDocument implements RawDocument {
  #startLine = -1;
  constructor(
    readonly file: string,
    readonly fileText: string,
    readonly start: number,
    readonly end: number,
    readonly index: number,
    private readonly lines: LineIndex,
  ) {}

  get startLine(): number {
    if (this.#startLine < 0) this.#startLine = this.lines.lineOf(this.start);
    return this.#startLine;
  }
}

/**
 * Splits on `---` lines (and after `...` lines). Documents with nothing but
 * comments or blank lines (helm template leaves such) are dropped.
 */
export function splitDocuments(text: string, file: string): RawDocument[] {
  const docs: RawDocument[] = [];
  const lines = new LineIndex(text);
  const markers = new MarkerFinder(text);
  const len = text.length;
  let docStart = 0;
  let hasContent = false;
  /** Where the search for content resumes (content before it was already looked for). */
  let scanFrom = 0;
  for (;;) {
    const m = markers.next(scanFrom);
    if (!hasContent) hasContent = hasContentIn(text, scanFrom, m === -1 ? len : m);
    if (m === -1) break;
    let nl = text.indexOf('\n', m);
    if (nl === -1) nl = len;
    if (text.charCodeAt(m) === 46 /* . */) {
      if (hasContent) docs.push(new FileDocument(file, text, docStart, nl === len ? nl : nl + 1, docs.length, lines));
      docStart = nl + 1;
      hasContent = false;
    } else {
      // A `---` after content ends that document; after nothing (comments, an empty document) it just restarts.
      if (hasContent) docs.push(new FileDocument(file, text, docStart, m, docs.length, lines));
      docStart = m;
      // A `---` line may carry content after the marker (`--- {a: 1}`).
      hasContent = markerLineHasContent(text, m + 3, nl);
    }
    if (nl === len) {
      scanFrom = len;
      break;
    }
    scanFrom = nl + 1;
  }
  // Trailing comments or blank lines alone are not a document.
  if (hasContent) docs.push(new FileDocument(file, text, docStart, len, docs.length, lines));
  return docs;
}

/** Finds marker lines (`---` or `...` at the start of a line, then a blank or the line's end). */
class MarkerFinder {
  private dash = -2;
  private dots = -2;
  constructor(private readonly text: string) {}

  /** Start of the first marker line at or after the line start `from`, or -1. */
  next(from: number): number {
    const text = this.text;
    for (let at = from; ; ) {
      if (at === from && isMarkerAt(text, at)) return at;
      // Cached positions of the next "\n---" and "\n..." stay valid until the search passes them.
      if (this.dash !== -1 && this.dash < at) this.dash = text.indexOf('\n---', at);
      if (this.dots !== -1 && this.dots < at) this.dots = text.indexOf('\n...', at);
      const nl = this.dash === -1 ? this.dots : this.dots === -1 ? this.dash : Math.min(this.dash, this.dots);
      if (nl === -1) return -1;
      if (isMarkerAt(text, nl + 1)) return nl + 1;
      at = nl + 1;
    }
  }
}

function isMarkerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  // '-' 45, '.' 46
  if ((c !== 45 && c !== 46) || text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false;
  if (at + 3 >= text.length) return true;
  const after = text.charCodeAt(at + 3);
  return after === 32 || after === 9 || after === 13 || after === 10;
}

/** Whether the text after a `---` marker holds something other than blanks and a comment. */
function markerLineHasContent(text: string, from: number, to: number): boolean {
  const first = firstNonSpace(text, from, to);
  return first !== -1 && text.charCodeAt(first) !== 35 /* # */;
}

/** Whether any line in [from, to) (line starts) holds content: not blank, not a comment, not a `%` directive. */
function hasContentIn(text: string, from: number, to: number): boolean {
  let lineStart = from;
  while (lineStart < to) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1 || nl > to) nl = to;
    const first = firstNonSpace(text, lineStart, nl);
    if (first !== -1) {
      const ch = text.charCodeAt(first);
      if (ch !== 35 /* # */ && !(first === lineStart && ch === 37) /* % directive */) return true;
    }
    lineStart = nl + 1;
  }
  return false;
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

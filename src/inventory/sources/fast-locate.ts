import type { ValuePath } from '../../util/paths.js';
import { type Flow, FlowParser, flowEntry, GIVE_UP, isNullText } from './fast-locate-flow.js';

/**
 * Finds the position of a path in block-style YAML by reading lines and
 * indentation, without parsing the document: what `locate` needs for the
 * common shape of manifests. It gives the same answer as the full parser or
 * none at all (undefined) when the document uses something it does not
 * follow (multi-line flow collections, JSON, anchors, tags, complex keys);
 * the caller then falls back to the full parser.
 *
 * Positions are 0-based line (within the document) and 0-based column. The
 * value of a scalar points at the value; a mapping, a sequence or an empty
 * value at its key; a sequence item at its first character after `- `.
 */
export function fastLocate(
  lines: readonly string[],
  path: ValuePath,
  indents: Int32Array = newIndentCache(lines),
  steps?: StepCache,
): { line: number; col: number } | undefined {
  try {
    return new Walker(lines, indents).run(path, steps);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/**
 * What earlier lookups in a document reached, by path segment (a trie): pass
 * the same one for every lookup in a document, so lookups that share a prefix
 * (a container, then its resources) walk the shared part once.
 */
export interface StepCache {
  root?: Step;
  /**
   * Work the lookups did, for tests that prove it stays linear in the
   * document: lines visited by the block walk plus characters read by the
   * flow parser. Every line and character is read a bounded number of times
   * however many lookups a document gets.
   */
  work?: number;
}

/** Where a walk stands after a path prefix: the node reached and the best position, or only the position where it stopped. */
interface Step {
  readonly node?: Node;
  readonly best: Pos;
  next?: Map<string | number, Step>;
}

/**
 * A cache of each line's indentation for fastLocate (-1: not measured yet);
 * pass the same one for every lookup in a document so lines are measured once.
 */
export function newIndentCache(lines: readonly string[]): Int32Array {
  return new Int32Array(lines.length).fill(-1);
}

type Pos = { line: number; col: number };
type Node =
  | { kind: 'map'; line: number; col: number; end: number; scan?: MapScan }
  | { kind: 'seq'; line: number; col: number; end: number; scan?: SeqScan }
  | { kind: 'scalar'; line: number; col: number }
  | { kind: 'null'; line: number; col: number }
  | { kind: 'flow'; line: number; col: number; root?: boolean; parsed?: Flow; lineStarts?: number[] };

/**
 * The entries of a block mapping read so far (the first of each key) and the
 * line where reading resumes: a later lookup continues from there instead of
 * walking the mapping again from its first entry.
 */
interface MapScan {
  readonly entries: Map<string, { line: number; after: number; valueEnd: number }>;
  line: number;
}

/** The items of a block sequence read so far (first and end line of each) and the line where reading resumes. */
interface SeqScan {
  readonly starts: number[];
  readonly ends: number[];
  line: number;
}

class Walker {
  /** Lines visited and flow characters read (see StepCache.work). */
  private work = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly indents: Int32Array,
  ) {}

  /** Indentation of a line, measured once per document. */
  private indent(line: number): number {
    let i = this.indents[line];
    if (i < 0) {
      i = indentOf(this.lines[line]);
      this.indents[line] = i;
    }
    return i;
  }

  run(path: ValuePath, cache?: StepCache): Pos | undefined {
    try {
      return this.walk(path, cache);
    } finally {
      if (cache) cache.work = (cache.work ?? 0) + this.work;
    }
  }

  private walk(path: ValuePath, cache?: StepCache): Pos | undefined {
    const root = cache?.root ?? this.rootStep();
    if (!root) return undefined;
    if (cache) cache.root = root;
    let step: Step = root;
    for (let i = 0; i < path.length; i++) {
      const node = step.node;
      if (!node) return step.best;
      if (node.kind === 'flow') return this.walkFlow(node, path.slice(i), step.best);
      const seg = path[i];
      let next: Step | undefined = step.next?.get(seg);
      if (!next) {
        next = this.step(node, seg, step.best);
        if (cache) {
          step.next ??= new Map();
          step.next.set(seg, next);
        }
      }
      step = next;
    }
    return step.best;
  }

  /** The document's root node, or undefined when the document has no content. */
  private rootStep(): Step | undefined {
    const root = this.firstContent(0, this.lines.length);
    if (root === undefined) return undefined;
    const text = this.lines[root];
    const col = indentOf(text);
    if (text.startsWith('---') || text[col] === '%' || text[col] === '\t') throw GIVE_UP;
    const node = this.nodeAt(root, col, this.lines.length);
    // A document that is one flow collection (JSON) may span lines; flow collections inside block YAML must not.
    if (node.kind === 'flow') node.root = true;
    return { node, best: { line: node.line, col: node.col } };
  }

  /** One segment down from a node: the value of a key, an item of a sequence, or a stop at the best position so far. */
  private step(node: Node, seg: string | number, best: Pos): Step {
    if (node.kind === 'map') {
      const entry = this.findKey(node, String(seg));
      if (!entry) return { best };
      const value = entry.value;
      return { node: value, best: value.kind === 'scalar' ? { line: value.line, col: value.col } : entry.keyPos };
    }
    if (node.kind === 'seq' && typeof seg === 'number') {
      const item = this.item(node, seg);
      if (!item) return { best };
      return { node: item, best: { line: item.line, col: item.col } };
    }
    return { best };
  }

  /** Classifies the node whose first character is at (line, col); `end` bounds its lines. */
  private nodeAt(line: number, col: number, end: number): Node {
    const text = this.lines[line];
    const c = text[col];
    if (c === '{' || c === '[') return { kind: 'flow', line, col };
    if (c === '&' || c === '!' || c === '*' || c === '?' || c === '\t') throw GIVE_UP;
    if (c === '-' && (text.length === col + 1 || text[col + 1] === ' ')) return { kind: 'seq', line, col, end };
    if (parseKey(text, col)) return { kind: 'map', line, col, end };
    if (c === '|' || c === '>' || c === '"' || c === "'") return { kind: 'scalar', line, col };
    return { kind: isNullText(text.slice(col)) ? 'null' : 'scalar', line, col };
  }

  /**
   * The entry of a key in a block mapping: the first at (line, col), the
   * others on later lines indented to col. Entries are read once, in order,
   * and remembered on the node, so each lookup reads only what no earlier one did.
   */
  private findKey(map: Extract<Node, { kind: 'map' }>, key: string): { keyPos: Pos; value: Node } | undefined {
    map.scan ??= { entries: new Map(), line: map.line };
    const scan = map.scan;
    for (;;) {
      const e = scan.entries.get(key);
      if (e)
        return { keyPos: { line: e.line, col: map.col }, value: this.valueOf(e.line, e.after, e.valueEnd, map.col) };
      const line = scan.line;
      if (line >= map.end) return undefined;
      // Next entry: the next content line at exactly this indentation that is not a compact sequence item.
      if (line !== map.line && this.indent(line) !== map.col) {
        if (this.indent(line) > map.col) throw GIVE_UP;
        return undefined;
      }
      const k = parseKey(this.lines[line], map.col);
      if (!k) throw GIVE_UP;
      const valueEnd = this.valueEnd(line + 1, map.col, map.end);
      if (!scan.entries.has(k.key)) scan.entries.set(k.key, { line, after: k.after, valueEnd });
      scan.line = valueEnd;
    }
  }

  /** Items of a block sequence: dashes at column `col`, read once, in order, and remembered on the node. */
  private item(seq: Extract<Node, { kind: 'seq' }>, index: number): Node | undefined {
    seq.scan ??= { starts: [], ends: [], line: seq.line };
    const scan = seq.scan;
    while (scan.starts.length <= index) {
      const line = scan.line;
      if (line >= seq.end) return undefined;
      if (line !== seq.line && this.indent(line) !== seq.col) {
        if (this.indent(line) > seq.col) throw GIVE_UP;
        return undefined;
      }
      if (this.lines[line][seq.col] !== '-') throw GIVE_UP;
      const itemEnd = this.itemEnd(line + 1, seq.col, seq.end);
      scan.starts.push(line);
      scan.ends.push(itemEnd);
      scan.line = itemEnd;
    }
    const line = scan.starts[index];
    const itemEnd = scan.ends[index];
    const text = this.lines[line];
    let c = seq.col + 1;
    while (text[c] === ' ') c++;
    if (c >= text.length || text[c] === '#') {
      const first = this.firstContent(line + 1, itemEnd);
      if (first === undefined) return { kind: 'null', line, col: seq.col };
      return this.nodeAt(first, this.indent(first), itemEnd);
    }
    return this.nodeAt(line, c, itemEnd);
  }

  /** The value of the entry on `line` whose text after the colon starts at `after`. */
  private valueOf(line: number, after: number, end: number, keyCol: number): Node {
    const text = this.lines[line];
    let c = after;
    while (text[c] === ' ') c++;
    if (c < text.length && text[c] !== '#') {
      const node = this.nodeAt(line, c, end);
      // `key: value` on one line cannot open a block mapping or sequence.
      if (node.kind === 'map' || node.kind === 'seq') throw GIVE_UP;
      return node;
    }
    const first = this.firstContent(line + 1, end);
    if (first === undefined) return { kind: 'null', line, col: keyCol };
    return this.nodeAt(first, this.indent(first), end);
  }

  /** First line at or after `from` that ends the value of an entry indented to `col`. */
  private valueEnd(from: number, col: number, end: number): number {
    for (let l = from; l < end; l++) {
      this.work++;
      const text = this.lines[l];
      const i = this.indent(l);
      if (i >= text.length || text[i] === '#') continue;
      if (i > col) continue;
      if (i === col && text[i] === '-' && (text.length === i + 1 || text[i + 1] === ' ')) continue;
      return l;
    }
    return end;
  }

  /** First line at or after `from` that ends a sequence item whose dash is at `col`. */
  private itemEnd(from: number, col: number, end: number): number {
    for (let l = from; l < end; l++) {
      this.work++;
      const text = this.lines[l];
      const i = this.indent(l);
      if (i >= text.length || text[i] === '#') continue;
      if (i > col) continue;
      return l;
    }
    return end;
  }

  private firstContent(from: number, end: number): number | undefined {
    for (let l = from; l < end; l++) {
      this.work++;
      const text = this.lines[l];
      const i = this.indent(l);
      if (i < text.length && text[i] !== '#') {
        if (l === 0 && text.startsWith('---')) {
          if (text.slice(3).trim() && !text.slice(3).trim().startsWith('#')) throw GIVE_UP;
          continue;
        }
        return l;
      }
    }
    return undefined;
  }

  /**
   * A path inside a flow collection, parsed once per node and then looked up
   * through its indexes. Only a document's root collection (JSON) may span
   * lines: its text is read as one string and offsets map back to lines.
   */
  private walkFlow(node: Extract<Node, { kind: 'flow' }>, rest: ValuePath, best: Pos): Pos {
    if (!node.parsed) {
      const multiLine = node.root === true && this.lines.length > node.line + 1;
      const text = multiLine ? this.lines.slice(node.line).join('\n') : this.lines[node.line];
      const parser = new FlowParser(text, node.col, multiLine);
      try {
        node.parsed = parser.value();
      } finally {
        this.work += parser.read;
      }
      if (multiLine) {
        const starts = [0];
        for (let l = node.line; l < this.lines.length - 1; l++)
          starts.push(starts[starts.length - 1] + this.lines[l].length + 1);
        node.lineStarts = starts;
      }
    }
    let cur: Flow = node.parsed;
    let result = best;
    for (const seg of rest) {
      let at: number;
      if (cur.kind === 'fmap') {
        const e = flowEntry(cur, String(seg));
        if (!e) break;
        cur = e.value;
        at = cur.kind === 'fscalar' && !cur.isNull ? cur.pos : e.keyPos;
      } else if (cur.kind === 'fseq' && typeof seg === 'number') {
        const it = cur.items[seg];
        if (!it) break;
        cur = it;
        at = it.pos;
      } else break;
      result = flowPos(node, at);
    }
    return result;
  }
}

/** Line and column of an offset in a flow collection's text. */
function flowPos(node: Extract<Node, { kind: 'flow' }>, offset: number): Pos {
  const starts = node.lineStarts;
  if (!starts) return { line: node.line, col: offset };
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: node.line + lo, col: offset - starts[lo] };
}

function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

/** A block mapping key at `col`: its text and where the text after its colon starts. */
function parseKey(text: string, col: number): { key: string; after: number } | undefined {
  const first = text[col];
  if (first === '"' || first === "'") return parseQuotedKey(text, col);
  if (first === undefined || '#&*!|>%@`,[]{}'.includes(first)) return undefined;
  const next = text[col + 1];
  if ((first === '-' || first === '?' || first === ':') && (next === undefined || next === ' ')) return undefined;
  // Plain keys (nearly all of a manifest) are read in place: this runs for every line a lookup walks past.
  let i = col;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === ':' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) break;
    if (ch === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) return undefined;
  }
  if (i === text.length) return undefined;
  const key = text.slice(col, i).trimEnd();
  // Other white space before the colon (a no-break space) belongs to the key: too odd to follow here.
  for (let j = col + key.length; j < i; j++) if (text[j] !== ' ' && text[j] !== '\t') throw GIVE_UP;
  return { key, after: i + 1 };
}

/** A double- or single-quoted block mapping key at `col`. */
function parseQuotedKey(text: string, col: number): { key: string; after: number } | undefined {
  const rest = text.slice(col);
  let key: string;
  let len: number;
  if (rest[0] === '"') {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (!m) return undefined;
    try {
      key = JSON.parse(m[0]) as string;
    } catch {
      throw GIVE_UP;
    }
    len = m[0].length;
  } else {
    const m = /^'((?:[^']|'')*)'/.exec(rest);
    if (!m) return undefined;
    key = m[1].replace(/''/g, "'");
    len = m[0].length;
  }
  let i = len;
  while (rest[i] === ' ' || rest[i] === '\t') i++;
  if (rest[i] !== ':' || (i + 1 < rest.length && rest[i + 1] !== ' ' && rest[i + 1] !== '\t')) return undefined;
  return { key, after: col + i + 1 };
}

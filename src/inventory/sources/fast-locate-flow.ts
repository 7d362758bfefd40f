/**
 * The parts of the fast locator that read a one-line flow collection
 * (`{ a: 1, b: [x, y] }`), and what both parts share.
 */

/** Thrown when the text uses something the fast locator does not follow; the caller falls back to the full parser. */
export const GIVE_UP = Symbol('give up');

/** Whether a plain scalar's text (a trailing comment allowed) is null. */
export function isNullText(s: string): boolean {
  const v = s.replace(/\s+#.*$/, '').trim();
  return v === '~' || v === 'null' || v === 'Null' || v === 'NULL';
}

/** A position-annotated value of a one-line flow collection. */
export type Flow =
  | FlowMap
  | { kind: 'fseq'; pos: number; items: Flow[] }
  | { kind: 'fscalar'; pos: number; isNull: boolean };

interface FlowEntry {
  readonly key: string;
  readonly keyPos: number;
  readonly value: Flow;
}

interface FlowMap {
  readonly kind: 'fmap';
  readonly pos: number;
  readonly entries: FlowEntry[];
  /** The first entry of each key, built on the first lookup (a template's Resources can hold thousands). */
  index?: Map<string, FlowEntry>;
}

/** The first entry of `key` in a flow mapping, found through an index built once per mapping. */
export function flowEntry(map: FlowMap, key: string): FlowEntry | undefined {
  if (!map.index) {
    const index = new Map<string, FlowEntry>();
    for (const e of map.entries) if (!index.has(e.key)) index.set(e.key, e);
    map.index = index;
  }
  return map.index.get(key);
}

/** Parses a flow collection that must close on its line (unless multi-line); gives up otherwise. */
export class FlowParser {
  readonly #start: number;
  /**
   * `multiLine`: the collection may span lines (a JSON document); a quoted
   * scalar still may not, and a plain one that runs on to the next line gives up.
   */
  constructor(
    private readonly text: string,
    private pos: number,
    private readonly multiLine = false,
  ) {
    this.#start = pos;
  }

  /** Characters read so far. */
  get read(): number {
    return this.pos - this.#start;
  }

  value(): Flow {
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.map();
    if (c === '[') return this.seq();
    return this.scalar();
  }

  private map(): Flow {
    const start = this.pos++;
    const entries: FlowEntry[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return { kind: 'fmap', pos: start, entries };
      }
      const keyPos = this.pos;
      const keyNode = this.scalar(true);
      const key = this.lastScalar;
      const afterKey = this.pos;
      this.skip();
      // A key and its colon on different lines: too odd to follow here.
      if (this.pos > afterKey && this.text.lastIndexOf('\n', this.pos) >= afterKey) throw GIVE_UP;
      let value: Flow = { kind: 'fscalar', pos: keyNode.pos, isNull: true };
      if (this.text[this.pos] === ':') {
        this.pos++;
        this.skip();
        const c = this.text[this.pos];
        if (c !== ',' && c !== '}') value = this.value();
      }
      entries.push({ key, keyPos, value });
      this.skip();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') throw GIVE_UP;
    }
  }

  private seq(): Flow {
    const start = this.pos++;
    const items: Flow[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return { kind: 'fseq', pos: start, items };
      }
      items.push(this.value());
      this.skip();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') throw GIVE_UP;
    }
  }

  private lastScalar = '';

  private scalar(asKey = false): Flow {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === undefined) throw GIVE_UP;
    if (c === '"') {
      const m = /^"((?:[^"\\\n]|\\.)*)"/.exec(this.text.slice(this.pos));
      if (!m) throw GIVE_UP;
      this.lastScalar = JSON.parse(m[0]) as string;
      this.pos += m[0].length;
      return { kind: 'fscalar', pos: start, isNull: false };
    }
    if (c === "'") {
      const m = /^'((?:[^'\n]|'')*)'/.exec(this.text.slice(this.pos));
      if (!m) throw GIVE_UP;
      this.lastScalar = m[1].replace(/''/g, "'");
      this.pos += m[0].length;
      return { kind: 'fscalar', pos: start, isNull: false };
    }
    if ('{[&*!|>?#,]}'.includes(c)) throw GIVE_UP;
    let end = this.pos;
    while (end < this.text.length) {
      const ch = this.text[end];
      if (ch === ',' || ch === '}' || ch === ']' || ch === '[' || ch === '{' || ch === '\n') break;
      if (ch === ':' && (asKey || /[\s,}\]]/.test(this.text[end + 1] ?? ' '))) break;
      if (ch === '#' && /\s/.test(this.text[end - 1] ?? '')) throw GIVE_UP;
      end++;
    }
    const raw = this.text.slice(this.pos, end).trimEnd();
    this.lastScalar = raw;
    this.pos = end;
    return { kind: 'fscalar', pos: start, isNull: isNullText(raw) || raw === '' };
  }

  private skip(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || (c === '\n' && this.multiLine)) this.pos++;
      else break;
    }
    if (this.pos >= this.text.length) throw GIVE_UP;
  }
}

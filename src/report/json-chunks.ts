/**
 * `JSON.stringify(value, null, 2)`, the same bytes, as a sequence of chunks of
 * about 1 MB instead of one string.
 *
 * Why: the JSON report of a 150,000-pod cluster is some 38 MB. As one string it
 * is held whole, and printing it makes a UTF-8 copy of it as well; written chunk
 * by chunk, only one chunk and its copy exist at a time. Each finding is one
 * piece (JSON.stringify does the work), so nothing is serialized by hand below
 * a report's findings.
 */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  const out = new Pieces();
  if (!(yield* write(value, '', 0, out))) return;
  const last = out.take();
  if (last) yield last;
}

const INDENT = '  ';
const CHUNK = 1 << 20;

/** Pieces of text not yet handed out as a chunk. */
class Pieces {
  private pieces: string[] = [];
  size = 0;

  push(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
  }

  /** Where the pieces end now; dropTo(mark) takes back what came after (an object entry JSON leaves out). */
  mark(): number {
    return this.pieces.length;
  }

  dropTo(mark: number): void {
    for (let i = mark; i < this.pieces.length; i++) this.size -= this.pieces[i].length;
    this.pieces.length = mark;
  }

  /** The pieces so far as one chunk ('' when there are none), and a fresh start. */
  take(): string {
    const chunk = this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    return chunk;
  }
}

/**
 * Levels written entry by entry: a report's fields and a list's entries down to a report's findings (a report,
 * or an array of reports). Anything deeper is one piece.
 */
function split(value: object, depth: number): boolean {
  return Array.isArray(value) ? depth <= 2 : depth <= 1;
}

function isContainer(v: unknown): v is object {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

const separators = new Map<string, { first: string; next: string; close: string }>();

function separatorsAt(indent: string, open: string, close: string) {
  const key = `${open}${indent}`;
  let s = separators.get(key);
  if (!s) {
    s = { first: `${open}\n${indent}${INDENT}`, next: `,\n${indent}${INDENT}`, close: `\n${indent}${close}` };
    separators.set(key, s);
  }
  return s;
}

/** Between entries: hands out a chunk once the pieces are large enough. */
function* settle(out: Pieces): Generator<string, void, undefined> {
  if (out.size >= CHUNK) yield out.take();
}

/** Appends the value's JSON at this indentation; false when JSON.stringify would leave it out (undefined, functions). */
function* write(value: unknown, indent: string, depth: number, out: Pieces): Generator<string, boolean, undefined> {
  if (!isContainer(value) || !split(value, depth)) {
    const text = JSON.stringify(value, null, 2);
    if (text === undefined) return false;
    out.push(indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text);
    return true;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return true;
    }
    const s = separatorsAt(indent, '[', ']');
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? s.first : s.next);
      // Entries JSON leaves out of objects are null in arrays.
      if (!(yield* write(value[i], inner, depth + 1, out))) out.push('null');
      yield* settle(out);
    }
    out.push(s.close);
    return true;
  }
  const s = separatorsAt(indent, '{', '}');
  let first = true;
  for (const key of Object.keys(value)) {
    const at = out.mark();
    out.push(first ? s.first : s.next);
    out.push(`${JSON.stringify(key)}: `);
    // A left-out entry is a leaf: nothing was handed out between mark and dropTo.
    if (yield* write((value as Record<string, unknown>)[key], inner, depth + 1, out)) {
      first = false;
      yield* settle(out);
    } else out.dropTo(at);
  }
  out.push(first ? '{}' : s.close);
  return true;
}

/**
 * `JSON.stringify(value, null, 2)`, with every character beyond ASCII written
 * as a `\uXXXX` escape (the same JSON to any reader).
 *
 * Why: a JavaScript string holding one character beyond Latin-1 (an ellipsis
 * or a dash in a rule's fix text) is stored with two bytes per character, so
 * the 38 MB JSON report of a 150,000-pod cluster took 75 MB, and twice that
 * once it was made one flat string for printing. Escaped, it stays one byte
 * per character. The text is made from one piece per finding (each escaped on
 * its own, so the whole text is never copied to escape it), joined in chunks
 * of about 1 MB that are then chained without another copy.
 */
export function asciiJson(value: unknown): string | undefined {
  const out = new Chunks();
  return write(value, '', 0, out) ? out.text() : undefined;
}

const INDENT = '  ';

/** Pieces joined into chunks of about CHUNK characters, the chunks chained (concatenation copies nothing). */
class Chunks {
  private static readonly CHUNK = 1 << 20;
  private pieces: string[] = [];
  private size = 0;
  private done = '';

  push(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
  }

  /** Between entries: joins the pieces so far into a chunk once they are large enough. */
  settle(): void {
    if (this.size >= Chunks.CHUNK) this.flush();
  }

  /** Where the pieces end now; dropTo(mark) takes back what came after (an object entry JSON leaves out). */
  mark(): number {
    return this.pieces.length;
  }

  dropTo(mark: number): void {
    for (let i = mark; i < this.pieces.length; i++) this.size -= this.pieces[i].length;
    this.pieces.length = mark;
  }

  text(): string {
    this.flush();
    return this.done;
  }

  private flush(): void {
    this.done += this.pieces.join('');
    this.pieces = [];
    this.size = 0;
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

/** Appends the value's JSON at this indentation; false when JSON.stringify would leave it out (undefined, functions). */
function write(value: unknown, indent: string, depth: number, out: Chunks): boolean {
  if (!isContainer(value) || !split(value, depth)) {
    const text = JSON.stringify(value, null, 2);
    if (text === undefined) return false;
    out.push(escapeNonAscii(indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text));
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
      if (!write(value[i], inner, depth + 1, out)) out.push('null');
      out.settle();
    }
    out.push(s.close);
    return true;
  }
  const s = separatorsAt(indent, '{', '}');
  let first = true;
  for (const key of Object.keys(value)) {
    const at = out.mark();
    out.push(first ? s.first : s.next);
    out.push(`${escapeNonAscii(JSON.stringify(key))}: `);
    if (write((value as Record<string, unknown>)[key], inner, depth + 1, out)) {
      first = false;
      out.settle();
    } else out.dropTo(at);
  }
  out.push(first ? '{}' : s.close);
  return true;
}

/** Every UTF-16 unit above 0x7f (a character beyond the BMP is two, each escaped: valid JSON). */
const BEYOND_ASCII = /[\u0080-\uffff]/;
const BEYOND_ASCII_ALL = /[\u0080-\uffff]/g;

function escapeNonAscii(text: string): string {
  return BEYOND_ASCII.test(text)
    ? text.replace(BEYOND_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}

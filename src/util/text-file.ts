import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { readFileSync, type Stats, statSync } from 'node:fs';

/** Why a file could not be read as text. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputFileError';
  }
}

export interface ReadTextOptions {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
}

/**
 * Reads a file that should hold YAML or JSON text, refusing what would hang or
 * mislead a parser: files over the size limit, binary files (a NUL byte in the
 * first 8 KiB, or invalid UTF-8), directories, and anything that is not a
 * regular file (a FIFO would block forever, `/dev/zero` never ends).
 */
export async function readTextFile(file: string, options: ReadTextOptions): Promise<string> {
  return readTextFileSync(file, options);
}

/**
 * readTextFile without the promise: reading many small files synchronously is
 * several times faster than through fs/promises (no thread-pool round trips).
 */
export function readTextFileSync(file: string, options: ReadTextOptions): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputFileError(file, 'is a directory, expected a file');
    if (!st.isFile())
      throw new InputFileError(file, `is ${specialKind(st)}, not a regular file; only regular files are read`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
  if (size > options.maxBytes) {
    throw new InputFileError(
      file,
      `is ${formatBytes(size)}, larger than the ${formatBytes(options.maxBytes)} allowed for this kind of input`,
    );
  }
  // Node reads and decodes UTF-8 in one native call, several times faster than reading bytes and decoding
  // them in JavaScript. Only text that could be binary (a NUL near the start) or invalid (a replacement
  // character, which a decoder writes for bytes that are not UTF-8) is read again as bytes for the verdict.
  const text = readFileSync(file, 'utf8');
  const nul = text.indexOf('\0');
  if ((nul >= 0 && nul < 8192) || text.includes('\uFFFD')) return decodeText(readFileSync(file), file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes UTF-8 text, refusing binary content. */
export function decodeText(buf: Uint8Array, file: string): string {
  const head = buf.subarray(0, 8192);
  if (head.includes(0))
    throw new InputFileError(file, 'looks binary (it contains NUL bytes), expected YAML or JSON text');
  // Validate, then decode: both native and fast (a fatal TextDecoder is several times slower on many files).
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // ASCII (nearly every manifest) is the same text in Latin-1, which is copied byte for byte: several times
  // faster than UTF-8 decoding, which V8 does in two passes.
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (!isUtf8(bytes)) throw new InputFileError(file, 'is not valid UTF-8 text, expected YAML or JSON');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of a stream (standard input), refusing it once it passes
 * `maxBytes`: reading stops there, so `/dev/zero` on stdin ends at once.
 */
export async function readLimited(stream: AsyncIterable<unknown>, maxBytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) {
      throw new InputFileError(name, `is larger than the ${formatBytes(maxBytes)} allowed; stopped reading`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

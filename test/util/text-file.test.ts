import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, InputFileError, readTextFileSync } from '../../src/util/text-file.js';

describe('decoding input files', () => {
  it('reads UTF-8 text, multi-byte characters included', () => {
    expect(decodeText(Buffer.from('name: café — ✓\n', 'utf8'), 'a.yaml')).toBe('name: café — ✓\n');
  });

  it('drops a byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFa: 1\n', 'utf8'), 'a.yaml')).toBe('a: 1\n');
  });

  it('refuses text that is not valid UTF-8, naming the file', () => {
    const latin1 = Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]);
    expect(() => decodeText(latin1, 'old.yaml')).toThrow(InputFileError);
    expect(() => decodeText(latin1, 'old.yaml')).toThrow(/old\.yaml: is not valid UTF-8/);
  });

  it('refuses binary content (a NUL byte)', () => {
    expect(() => decodeText(Uint8Array.from([0x61, 0x00, 0x62]), 'bin.yaml')).toThrow(/looks binary/);
  });

  it('reads ASCII (copied byte for byte) as the same text UTF-8 decoding gives, in a view of non-ASCII bytes too', () => {
    const ascii = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1)).join('');
    expect(decodeText(Buffer.from(ascii, 'latin1'), 'ascii.yaml')).toBe(ascii);
    const mixed = Buffer.from('é: 1\nkind: Pod\n✓', 'utf8');
    expect(decodeText(mixed.subarray(6, 16), 'view.yaml')).toBe('kind: Pod\n');
  });

  it('reads a view into a larger buffer without the bytes around it', () => {
    const whole = Buffer.from('xxa: 1\nyy', 'utf8');
    expect(decodeText(whole.subarray(2, 7), 'view.yaml')).toBe('a: 1\n');
  });
});

describe('reading input files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-text-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const read = (path: string) => readTextFileSync(path, { maxBytes: 1024 * 1024 });

  it('reads UTF-8 text and drops a byte order mark', () => {
    expect(read(file('bom.yaml', '\uFEFFname: café — ✓\n'))).toBe('name: café — ✓\n');
  });

  it('keeps a replacement character the file really holds', () => {
    expect(read(file('fffd.yaml', 'note: \uFFFD\n'))).toBe('note: \uFFFD\n');
  });

  it('refuses a file whose bytes are not UTF-8, though a decoder would have replaced them', () => {
    const path = file('latin1.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(() => read(path)).toThrow(/latin1\.yaml: is not valid UTF-8/);
  });

  it('refuses a file with a NUL byte near its start, and reads one whose only NUL comes later', () => {
    expect(() => read(file('bin.yaml', Buffer.from([0x61, 0x00, 0x62])))).toThrow(/looks binary/);
    const late = `a: "${'x'.repeat(9000)}\0"\n`;
    expect(read(file('late.yaml', late))).toBe(late);
  });
});

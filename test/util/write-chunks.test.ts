import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks, writeFileChunks } from '../../src/util/write-chunks.js';

const HIGH_WATER_MARK = 256;
const EVENTS = ['drain', 'error', 'close', 'finish'] as const;

/**
 * A Writable with a small buffer whose writes complete a little later (a slow reader), recording what
 * arrives and how much it held buffered before and after each write() call.
 */
function slowSink(opts: { failOn?: number; destroyOn?: number } = {}) {
  const received: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: HIGH_WATER_MARK,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      if (received.length === opts.destroyOn) {
        sink.destroy();
        return;
      }
      const error = received.length === opts.failOn ? new Error('disk full') : null;
      setTimeout(() => done(error), 1);
    },
  });
  const buffered: { before: number; after: number; bytes: number }[] = [];
  const write = sink.write.bind(sink) as (chunk: string) => boolean;
  sink.write = ((chunk: string) => {
    const before = sink.writableLength;
    const ok = write(chunk);
    buffered.push({ before, after: sink.writableLength, bytes: Buffer.byteLength(chunk) });
    return ok;
  }) as typeof sink.write;
  const listeners = () => EVENTS.map((e) => sink.listenerCount(e));
  return { sink, received, buffered, listeners };
}

/** Chunks of several sizes, some above the high-water mark, with characters of more than one byte. */
function chunks(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i}:${'é…x'.repeat(10 + ((i * 37) % 120))}\n`);
}

/** A generator of `list` that notes whether it was closed before its end. */
function tracked(list: readonly string[]) {
  const seen = { taken: 0, closed: false };
  const gen = (function* () {
    try {
      for (const c of list) {
        seen.taken++;
        yield c;
      }
    } finally {
      seen.closed = seen.taken < list.length;
    }
  })();
  return { gen, seen };
}

describe('writeChunks', () => {
  it('waits for drain: at no write does the stream hold more than one chunk beyond its high-water mark', async () => {
    const { sink, buffered } = slowSink();
    const list = chunks(60);
    await writeChunks(sink, list);
    expect(buffered).toHaveLength(list.length);
    for (const { before, after, bytes } of buffered) {
      expect(before).toBeLessThan(HIGH_WATER_MARK);
      expect(after).toBeLessThanOrEqual(before + bytes);
    }
    // The sink really was slow: some writes found the buffer non-empty.
    expect(buffered.some(({ before }) => before > 0)).toBe(true);
  });

  it('delivers exactly the bytes of the chunks joined, in order', async () => {
    const { sink, received } = slowSink();
    const list = chunks(40);
    await writeChunks(sink, list);
    await new Promise<void>((done) => sink.end(done));
    expect(Buffer.concat(received).toString('utf8')).toBe(list.join(''));
  });

  it('takes chunks from a lazy iterable only as the stream drains', async () => {
    const { sink } = slowSink();
    const list = chunks(30);
    const { gen, seen } = tracked(list);
    const writing = writeChunks(sink, gen);
    // Before any write completes, only the chunks that fit under the high-water mark (and one more) were taken.
    expect(seen.taken).toBeLessThan(list.length);
    await writing;
    expect(seen.taken).toBe(list.length);
  });

  it('rejects with the error the stream emits, stops taking chunks and closes the iterable', async () => {
    const { sink, listeners } = slowSink({ failOn: 3 });
    const before = listeners();
    const { gen, seen } = tracked(chunks(50));
    await expect(writeChunks(sink, gen)).rejects.toThrow('disk full');
    expect(seen.closed).toBe(true);
    expect(listeners()).toEqual(before);
  });

  it('rejects when the stream is destroyed before every chunk is written, naming how many were', async () => {
    const { sink, listeners } = slowSink({ destroyOn: 2 });
    const before = listeners();
    await expect(writeChunks(sink, chunks(50))).rejects.toThrow(
      /the stream was closed after \d+ chunk\(s\) were written, before the rest/,
    );
    expect(listeners()).toEqual(before);
  });

  it('rejects at once on a stream already destroyed, writing nothing', async () => {
    const { sink, buffered } = slowSink();
    sink.destroy();
    await expect(writeChunks(sink, chunks(5))).rejects.toThrow('closed after 0 chunk(s) were written');
    expect(buffered).toEqual([]);
  });

  it('rejects with the error the iterable throws while rendering', async () => {
    const { sink } = slowSink();
    const failing = (function* () {
      yield 'first';
      throw new Error('cannot render');
    })();
    await expect(writeChunks(sink, failing)).rejects.toThrow('cannot render');
  });

  it('leaves no listener behind once it has written everything', async () => {
    const { sink, listeners } = slowSink();
    const before = listeners();
    await writeChunks(sink, chunks(40));
    expect(listeners()).toEqual(before);
  });
});

describe('writeFileChunks', () => {
  it('writes the chunks joined to the file, replacing what was there', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slipway-chunks-')), 'out.txt');
    await writeFileChunks(file, ['an older, longer text that must go away']);
    const list = chunks(20);
    await writeFileChunks(file, list);
    expect(readFileSync(file, 'utf8')).toBe(list.join(''));
  });
});

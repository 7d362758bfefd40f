import type { Writable } from 'node:stream';

/**
 * Writes `chunks` to `stream` one after another, as the reader takes them: when `write()` returns false
 * (the stream holds its high-water mark or more), the next chunk waits for 'drain'. So at most one chunk
 * beyond the high-water mark is ever buffered, and a lazy iterable (renderJsonReportChunks) is rendered
 * only as fast as the reader reads.
 *
 * Resolves once every chunk is handed to the stream and its buffer is under the high-water mark; rejects
 * with the stream's error if it emits 'error', or if it is destroyed or closed before all are written
 * (the iterable is then closed). Every listener it adds is removed when it settles.
 */
export function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const state = stream as NodeJS.WritableStream & Partial<Pick<Writable, 'destroyed'>>;
    const iterator = chunks[Symbol.iterator]();
    let written = 0;
    let settled = false;

    const settle = (error?: { readonly error: unknown }): void => {
      if (settled) return;
      settled = true;
      stream.off('drain', next);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) {
        iterator.return?.();
        reject(error.error);
      } else resolve();
    };
    const onError = (error: unknown): void => settle({ error });
    const onClose = (): void =>
      settle({
        error: new Error(
          `writing output: the stream was closed after ${written} chunk(s) were written, before the rest; ` +
            'it must stay open until every chunk is written',
        ),
      });

    function next(): void {
      try {
        while (!settled) {
          if (state.destroyed) {
            onClose();
            break;
          }
          const step = iterator.next();
          if (step.done) {
            settle();
            break;
          }
          written++;
          // false: the buffer is at its high-water mark; 'drain' calls next() again.
          if (!stream.write(step.value)) break;
        }
      } catch (error) {
        settle({ error });
      }
    }

    stream.on('drain', next);
    stream.on('error', onError);
    stream.on('close', onClose);
    next();
  });
}

/** Writes `chunks` to `file` (replacing it) through one FileHandle, one chunk at a time, and closes it. */
export async function writeFileChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

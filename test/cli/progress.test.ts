import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { createProgress, progressEnabled } from '../../src/cli/progress.js';

/** A stream that records what is written to it, a terminal or not, with the cursor moves a terminal has. */
class FakeStream extends Writable {
  text = '';
  columns = 100;
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
  cursorTo(x: number): boolean {
    return this.write(`\u001b[${x + 1}G`);
  }
  moveCursor(_dx: number, dy: number): boolean {
    return this.write(`\u001b[${Math.abs(dy)}${dy < 0 ? 'A' : 'B'}`);
  }
  clearLine(): boolean {
    return this.write('\u001b[K');
  }
}

/** Starts, ticks twice and stops a progress on the stream; returns what the stream received. */
async function runProgress(stream: FakeStream, env: NodeJS.ProcessEnv = {}, quiet = false): Promise<string> {
  const p = await createProgress({ stream, env, quiet });
  p.start('synthesizing', 2);
  p.tick(1, 'prod');
  p.tick(1);
  p.stop();
  return stream.text;
}

const root = mkdtempSync(join(tmpdir(), 'slipway-progress-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('progress on standard error', () => {
  it('prints nothing when the stream is not a terminal', async () => {
    expect(await runProgress(new FakeStream(false))).toBe('');
  });

  it('prints nothing under CI, on a dumb terminal or with --quiet, even on a terminal', async () => {
    expect(await runProgress(new FakeStream(true), { CI: 'true' })).toBe('');
    expect(await runProgress(new FakeStream(true), { TERM: 'dumb' })).toBe('');
    expect(await runProgress(new FakeStream(true), {}, true)).toBe('');
    expect(progressEnabled({ stream: new FakeStream(true), env: { CI: 'false' } })).toBe(true);
  });

  it('draws frames with the label and done/total on a terminal, and clears its line when it stops', async () => {
    const text = await runProgress(new FakeStream(true), { NO_COLOR: '1' });
    expect(text).toContain('synthesizing 0/2');
    expect(text).toContain('synthesizing 1/2 (prod)');
    expect(text).toContain('synthesizing 2/2');
    expect(text.lastIndexOf('\u001b[K')).toBeGreaterThan(text.lastIndexOf('synthesizing 2/2'));
  });

  it('synth --all shows one step per environment on a terminal and leaves stdout to the data', async () => {
    const stream = new FakeStream(true);
    let stdout = '';
    const io: CliIO = {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stream.write(s);
      },
      env: { NO_COLOR: '1' },
      cwd: root,
      isTTY: false,
      stderrStream: stream,
    };
    const code = await main(['node', 'slipway', 'synth', '--all', '--out', 'out', '-o', 'json'], io);
    expect(code).toBe(0);
    expect(stream.text).toContain('synthesizing 0/2 (test)');
    expect(stream.text).toContain('synthesizing 1/2 (prod)');
    expect(stream.text).toContain('synthesizing 2/2');
    expect(Object.keys(JSON.parse(stdout))).toEqual(['test', 'prod']);
  });
});

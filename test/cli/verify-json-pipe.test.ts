import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';
import { DEPLOYMENTS_FILE, manyDeploymentsProject } from '../support/many-deployments.js';

const root = resolve(import.meta.dirname, '..', '..');
const runEntry = join(root, 'test', 'support', 'run-cli-entry.mjs');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ARGS = ['verify', DEPLOYMENTS_FILE, '-q', '-o', 'json'];

/** Reads a stream to its end, pausing after each piece as a slow consumer of a pipe does. */
function readSlowly(stream: Readable, pauseMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => {
      parts.push(part);
      stream.pause();
      setTimeout(() => stream.resume(), pauseMs);
    });
    stream.on('end', () => done(Buffer.concat(parts).toString('utf8')));
    stream.on('error', fail);
  });
}

describe('verify -o json into a slow reader', () => {
  let dir = '';
  let inProcess = '';
  beforeAll(async () => {
    // 250 Deployments: a report of about 3 MB, several chunks.
    dir = manyDeploymentsProject(250);
    const r = await runCli(ARGS, { cwd: dir });
    expect(r.code).toBe(2);
    inProcess = r.stdout;
    expect(inProcess.length).toBeGreaterThan(2 << 20);
  });

  it('through a real pipe, prints JSON that parses and equals the in-process rendering, exit 2', async () => {
    // The CLI entry from src/ (through tsx), in a child process whose stdout is a pipe this test reads slowly.
    const child = spawn(process.execPath, ['--import', tsx, runEntry, join(root, 'src', 'cli', 'main.ts'), ...ARGS], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const [stdout, code] = await Promise.all([
      readSlowly(child.stdout, 5),
      new Promise<number | null>((done) => child.on('close', done)),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).summary.inputs.kubeObjects).toBe(250);
    expect(stdout).toBe(inProcess);
  }, 60_000);

  it('to a stdoutStream, writes each chunk only once the stream has drained below its high-water mark', async () => {
    const highWaterMark = 64 << 10;
    const received: Buffer[] = [];
    const stdoutStream = new Writable({
      highWaterMark,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        setTimeout(done, 5);
      },
    });
    const heldAtEachWrite: number[] = [];
    const write = stdoutStream.write.bind(stdoutStream) as (chunk: string) => boolean;
    stdoutStream.write = ((chunk: string) => {
      heldAtEachWrite.push(stdoutStream.writableLength);
      return write(chunk);
    }) as typeof stdoutStream.write;
    const io: CliIO = {
      stdout: () => {
        throw new Error('verify wrote to io.stdout although io.stdoutStream was given');
      },
      stderr: () => {},
      stdoutStream,
      env: {},
      cwd: dir,
      isTTY: false,
    };
    expect(await main(['node', 'slipway', ...ARGS], io)).toBe(2);
    await new Promise<void>((done) => stdoutStream.end(done));
    expect(heldAtEachWrite.length).toBeGreaterThan(2);
    for (const held of heldAtEachWrite) expect(held).toBeLessThan(highWaterMark);
    expect(Buffer.concat(received).toString('utf8')).toBe(inProcess);
  });
});

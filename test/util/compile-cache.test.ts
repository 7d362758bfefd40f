import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../src/util/compile-cache.js';

const root = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'slipway-compile-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const builtIn = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** A fresh Node process that enables the cache, then loads cli-table3 (CommonJS, node_modules) and draws a table. */
function run(dir: string): { stats: { fromCache: number; compiled: number } | null; table: string } {
  const entry = pathToFileURL(join(root, 'src', 'util', 'compile-cache.ts')).href;
  const code = `const { enableCompileCache } = await import(${JSON.stringify(entry)});
    const stats = enableCompileCache(${JSON.stringify(dir)});
    const { createRequire } = await import('node:module');
    const Table = createRequire(import.meta.url)('cli-table3');
    const t = new Table({ head: ['a', 'b'], style: { head: [], border: [] } }); t.push(['1', '2']);
    const table = t.toString();
    console.log(JSON.stringify({ stats: stats && { fromCache: stats.fromCache, compiled: stats.compiled }, table }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('the compile cache', () => {
  it.skipIf(builtIn)('serves a second run the code the first compiled, and the modules work the same', () => {
    const dir = join(scratch, 'a');
    const first = run(dir);
    expect(first.stats?.fromCache).toBe(0);
    expect(first.stats?.compiled).toBeGreaterThan(0);
    expect(readdirSync(dir).length).toBe(first.stats?.compiled);
    const second = run(dir);
    expect(second.stats).toEqual({ fromCache: first.stats?.compiled, compiled: 0 });
    expect(second.table).toBe(first.table);
    expect(second.table).toContain('│ 1 │ 2 │');
  });

  it.skipIf(builtIn)('compiles afresh when a cached entry does not fit the source', () => {
    const dir = join(scratch, 'b');
    const first = run(dir);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'not V8 code');
    const second = run(dir);
    expect(second.stats).toEqual({ fromCache: 0, compiled: first.stats?.compiled });
    expect(second.table).toBe(first.table);
  });

  it('is off with SLIPWAY_COMPILE_CACHE=off, and otherwise one folder per Node version under the given one', () => {
    expect(compileCacheDir({ SLIPWAY_COMPILE_CACHE: 'off' })).toBeUndefined();
    expect(compileCacheDir({ SLIPWAY_COMPILE_CACHE: '/c' })).toBe(`/c/v8-${process.version}-${process.arch}`);
    expect(compileCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(`/x/slipway/v8-${process.version}-${process.arch}`);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, NO_RELAUNCH, youngGenerationFlags } from '../../bin/young-generation.js';
import { ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'slipway-young-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FLAG = '--max-semi-space-size=16';
const dir = join(scratch, 'manifests');
mkdirSync(dir);
const small = join(scratch, 'small.yaml');
writeFileSync(small, 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n');
const large = join(scratch, 'large.yaml');
writeFileSync(large, `# ${'x'.repeat(LARGE_INPUT_BYTES)}\n`);

const flagsFor = (args: string[], opts: Parameters<typeof youngGenerationFlags>[1] = {}) =>
  youngGenerationFlags(['node', 'slipway', ...args], {
    nodeVersion: '24.11.0',
    env: {},
    execArgv: [],
    cwd: scratch,
    ...opts,
  });

describe('the young generation a large run gets', () => {
  it('sizes it for synth and for a verify of a folder, a large file, a cluster or a fleet on Node 22+', () => {
    expect(flagsFor(['synth', '--all'])).toEqual([FLAG]);
    expect(flagsFor(['-c', 'x.yaml', 'verify', dir, '--env', 'prod'])).toEqual([FLAG]);
    expect(flagsFor(['verify', 'large.yaml'])).toEqual([FLAG]);
    expect(flagsFor(['verify', '--live', '--env', 'prod'])).toEqual([FLAG]);
    expect(flagsFor(['verify', '--from-dump', dir])).toEqual([FLAG]);
    expect(flagsFor(['verify', '--all-contexts'])).toEqual([FLAG]);
    expect(flagsFor(['synth'], { nodeVersion: '22.12.0' })).toEqual([FLAG]);
  });

  it('leaves a one-file verify, other commands, help and Node 20 to start once', () => {
    expect(flagsFor(['verify', small, '--env', 'prod'])).toEqual([]);
    expect(flagsFor(['verify', 'no-such-file.yaml'])).toEqual([]);
    expect(flagsFor(['rules'])).toEqual([]);
    expect(flagsFor(['config', 'show'])).toEqual([]);
    expect(flagsFor(['synth', '--help'])).toEqual([]);
    expect(flagsFor(['synth'], { nodeVersion: '20.19.0' })).toEqual([]);
  });

  it('never overrides a size the user chose, nor runs again inside the re-run', () => {
    expect(flagsFor(['synth'], { execArgv: ['--max-semi-space-size=64'] })).toEqual([]);
    expect(
      flagsFor(['synth'], { env: { NODE_OPTIONS: '--max-old-space-size=8192 --max-semi-space-size=32' } }),
    ).toEqual([]);
    expect(flagsFor(['synth'], { env: { [NO_RELAUNCH]: '1' } })).toEqual([]);
  });
});

describe('the re-run', () => {
  // The tests' own Node when it is 22+ (CI runs the suite on Node 24 too), else the Node 24 the benchmarks unpack.
  const node = [process.execPath, process.env.SLIPWAY_TEST_NODE, '/tmp/node24/package/bin/node']
    .filter((n): n is string => Boolean(n) && existsSync(n as string))
    .find(
      (n) => Number(spawnSync(n, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.split('.')[0]) >= 22,
    );

  it.skipIf(!node)('runs a verify of a folder again under the flag, with its output and exit code', () => {
    ensureBuiltCli();
    writeFileSync(
      join(dir, 'web.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec:\n  replicas: 1\n',
    );
    const bin = join(root, 'bin', 'slipway.js');
    const { [NO_RELAUNCH]: _unset, ...env } = process.env;
    const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
      spawnSync(node as string, [bin, ...args], { cwd: scratch, env: { ...env, ...extra }, encoding: 'utf8' });
    const again = run(['verify', dir, '--env', 'prod', '-o', 'json', '--verbose']);
    const once = run(['verify', dir, '--env', 'prod', '-o', 'json', '--verbose'], { [NO_RELAUNCH]: '1' });
    expect(again.stderr).toContain(`re-running under ${FLAG}`);
    expect(once.stderr).not.toContain('re-running');
    expect(again.status).toBe(2);
    expect(once.status).toBe(2);
    expect(JSON.parse(again.stdout).findings).toEqual(JSON.parse(once.stdout).findings);
    expect(run([`verify`, small, '--env', 'prod', '--verbose']).stderr).not.toContain('re-running');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../support/built-cli.js';
import { tscArgs, VERIFY_SCRIPT } from '../support/verify-script.js';

/**
 * The package as a user gets it: packed, installed from the tarball into an
 * empty prefix (through the registry, preferring npm's cache), and run from an
 * unrelated directory. Slow by nature: one file, one install.
 */
const root = resolve(import.meta.dirname, '..', '..');
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
if (!hasNpm) console.warn('skipping the packed-package tests: npm is not available on PATH');

let prefix = '';
let elsewhere = '';

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}) {
  return spawnSync(cmd, args, {
    cwd: opts.cwd ?? elsewhere,
    env: { ...process.env, PATH: `${join(prefix, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` },
    encoding: 'utf8',
    input: opts.input,
  });
}

/** The fenced js examples of the README's Library section. */
function libraryExamples(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Library\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe.skipIf(!hasNpm)('the packed package installed into an empty prefix', () => {
  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'slipway-pack-'));
    if (!existsSync(join(root, 'dist', 'verify.js'))) execFileSync('npm', ['run', 'build'], { cwd: root });
    ensureBuiltCli();
    // dist/ is current (the suite builds first), so pack without running prepack again.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    prefix = join(work, 'prefix');
    mkdirSync(prefix);
    // Not --prefer-offline: a cached, stale packument of a transitive package can miss the version a newer
    // client asks for (ETARGET), which a user installing from the registry never sees.
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      stdio: 'ignore',
    });
    elsewhere = mkdtempSync(join(tmpdir(), 'slipway-user-'));
  }, 900_000);

  it('prints help from an unrelated directory', () => {
    const r = run('slipway', ['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: slipway');
  });

  it('verifies the bundled example with zero failures', () => {
    const r = run('slipway', ['verify', '--env', 'prod', '-q', '-o', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.counts.fail).toBe(0);
  });

  it('runs as the kubectl plugin kubectl-slipway, found on PATH', () => {
    const kubectl = spawnSync('sh', ['-c', 'command -v kubectl']).status === 0;
    const r = kubectl ? run('kubectl', ['slipway', '--help']) : run('sh', ['-c', 'kubectl-slipway --help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: kubectl slipway');
    expect(r.stdout).toContain('verify');
  });

  it('ships the built code, the bundled CLI, the license and the example, and no sources, tests or maps', () => {
    const installed = join(prefix, 'node_modules', 'slipway');
    for (const f of [
      'LICENSE',
      'dist/verify.js',
      'dist/verify.d.ts',
      'dist/bundle/slipway.js',
      'examples/shop/slipway.config.yaml',
    ]) {
      expect(existsSync(join(installed, f)), f).toBe(true);
    }
    for (const f of ['src', 'test', 'bench', 'scripts', 'dist/bundle/metafile.json', 'dist/bundle/slipway.js.map'])
      expect(existsSync(join(installed, f)), f).toBe(false);
    expect(existsSync(join(prefix, 'node_modules', 'cdk-nag'))).toBe(false);
  });

  it("runs every example of the README's Library section", () => {
    const examples = libraryExamples();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const [i, code] of examples.entries()) {
      const file = join(prefix, `readme-example-${i}.mjs`);
      writeFileSync(file, code);
      const r = run(process.execPath, [file], { cwd: prefix });
      expect(r.stderr, `example ${i}`).toBe('');
      expect(r.status, `example ${i}`).toBe(0);
      expect(r.stdout.length, `example ${i}`).toBeGreaterThan(0);
    }
  });

  it('type-checks a script that imports slipway/verify without loading CDK or AWS SDK declarations', () => {
    writeFileSync(join(prefix, 'check.ts'), VERIFY_SCRIPT);
    const listed = run(process.execPath, tscArgs(root, 'check.ts', ['--listFilesOnly']), { cwd: prefix });
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('node_modules/slipway/dist/verify.d.ts');
    expect(listed.stdout).not.toMatch(/node_modules\/(aws-cdk-lib|@aws-sdk|@kubernetes\/client-node|cdk8s)\//);
    const check = run(process.execPath, tscArgs(root, 'check.ts'), { cwd: prefix });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

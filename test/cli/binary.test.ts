import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');
const trace = join(root, 'test', 'support', 'register-import-trace.mjs');

function slipway(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });
}

describe('the built slipway binary', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: root });
  });

  it('prints help with examples and exits 0', () => {
    const r = slipway(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: slipway');
    expect(r.stdout).toContain('Examples:');
  });

  it('prints the package version', () => {
    const r = slipway(['--version']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('does not load aws-cdk-lib, the AWS SDK, client-node, cdk8s, zod or the yaml package for --help', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slipway-trace-')), 'trace.txt');
    const r = spawnSync(process.execPath, ['--import', trace, bin, '--help'], {
      cwd: root,
      env: { ...process.env, SLIPWAY_IMPORT_TRACE: out },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const loaded = existsSync(out) ? readFileSync(out, 'utf8') : '';
    expect(loaded).toContain('commander');
    expect(loaded).not.toMatch(
      /node_modules\/(aws-cdk-lib|@aws-sdk|@kubernetes\/client-node|cdk8s|@aws-cdk|zod|yaml)\//,
    );
  });

  it('runs init and config diff end to end, as the issue checks it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-e2e-'));
    expect(slipway(['init', 'demo'], { cwd }).status).toBe(0);
    const diff = slipway(['config', 'diff', 'test', 'prod', '--config', 'demo/slipway.config.yaml'], { cwd });
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('Spot vs on-demand');
    const again = slipway(['init', 'demo'], { cwd });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('stops quietly when its output pipe closes early (slipway … | head)', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" rules -o json | head -1; exit \${PIPESTATUS[0]}`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });

  it('exits 1 on an unknown command', () => {
    const r = slipway(['frobnicate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
  });
});

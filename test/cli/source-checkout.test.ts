import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

/** A clone right after `npm ci`: sources and dependencies, no dist/. */
function unbuiltCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-checkout-'));
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const link of ['src', 'node_modules', 'examples', 'schema', 'crds'])
    symlinkSync(join(root, link), join(dir, link));
  return dir;
}

describe('bin/slipway.js in a source checkout that has not been built', () => {
  it('runs the CLI from src/ through tsx, so `npm ci && npx slipway …` needs no build step', () => {
    const dir = unbuiltCheckout();
    const version = spawnSync(process.execPath, [join(dir, 'bin', 'slipway.js'), '--version'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const rules = spawnSync(process.execPath, [join(dir, 'bin', 'kubectl-slipway.js'), 'rules', '-o', 'json'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(rules.status).toBe(0);
    expect(JSON.parse(rules.stdout).length).toBeGreaterThan(0);
  });
});

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as cdk8s from '../../src/apps/cdk/cdk8s.js';
import * as k8s from '../../src/apps/cdk/k8s.js';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** The cdk8s and cdk8s-plus-34 files in the require cache after the apps synthesizer is imported in a fresh Node. */
function loadedByApps(): string[] {
  const entry = pathToFileURL(join(root, 'src', 'apps', 'synthesizer.ts')).href;
  const code = `await import(${JSON.stringify(entry)});
    const files = Object.keys((await import('node:module')).createRequire(import.meta.url).cache);
    console.log(JSON.stringify(files.filter((f) => /node_modules\\/cdk8s(-plus-34)?\\//.test(f))));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as string[];
}

describe("the apps' cdk8s modules", () => {
  it('export the very classes of cdk8s and of cdk8s-plus-34’s Kubernetes API objects', () => {
    const plus = require('cdk8s-plus-34') as { k8s: Record<string, unknown> };
    const core = require('cdk8s') as Record<string, unknown>;
    expect(Object.keys(k8s).length).toBeGreaterThan(10);
    for (const [key, value] of Object.entries(k8s)) expect(value, key).toBe(plus.k8s[key]);
    for (const [key, value] of Object.entries(cdk8s)) expect(value, key).toBe(core[key]);
  });

  it('load only the generated API objects of cdk8s-plus-34, not its index and constructs', () => {
    const files = loadedByApps();
    const plus = files.filter((f) => f.includes('/cdk8s-plus-34/'));
    expect(plus.map((f) => f.slice(f.indexOf('/cdk8s-plus-34/')))).toEqual(['/cdk8s-plus-34/lib/imports/k8s.js']);
    expect(files.some((f) => f.includes('/node_modules/cdk8s/lib/'))).toBe(true);
  });
});

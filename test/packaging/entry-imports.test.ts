import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const trace = join(root, 'test', 'support', 'register-import-trace.mjs');
const HEAVY = /node_modules\/(aws-cdk-lib|@aws-sdk|@smithy|@kubernetes\/client-node|cdk8s|cdk8s-plus-\d+|@aws-cdk)\//;

/** The node_modules files that importing one built entry point loads. */
function loadedBy(entry: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'slipway-trace-')), 'trace.txt');
  const url = pathToFileURL(join(root, 'dist', `${entry}.js`)).href;
  const r = spawnSync(
    process.execPath,
    ['--import', trace, '--input-type=module', '-e', `await import(${JSON.stringify(url)})`],
    {
      cwd: root,
      env: { ...process.env, SLIPWAY_IMPORT_TRACE: out },
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return existsSync(out) ? readFileSync(out, 'utf8') : '';
}

describe('the library entry points', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'verify.js'))) execFileSync('npm', ['run', 'build'], { cwd: root });
  });

  it('slipway/verify loads none of aws-cdk-lib, the AWS SDK, cdk8s or client-node', () => {
    const loaded = loadedBy('verify');
    expect(loaded).toContain('/node_modules/zod/');
    expect(loaded).not.toMatch(HEAVY);
  });

  it('slipway (config and types) loads none of them either', () => {
    expect(loadedBy('index')).not.toMatch(HEAVY);
  });

  it('slipway/ops loads client-node and the AWS SDK only when a live read starts, not at import', () => {
    expect(loadedBy('ops')).not.toMatch(HEAVY);
  });

  it('slipway/apps loads cdk8s but not the CDK or the AWS SDK', () => {
    const loaded = loadedBy('apps');
    // cdk8s itself is loaded with require() by src/apps/cdk/cdk8s.ts (only what the apps use), which the import trace does not list.
    expect(loaded).toMatch(/dist\/apps\/cdk\/cdk8s\.js/);
    expect(loaded).not.toMatch(/node_modules\/(aws-cdk-lib|@aws-sdk)\//);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/context.js';
import { main } from '../../../src/cli/main.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-cli-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env: {},
    cwd: root,
    isTTY: false,
  };
}

describe('slipway synth', () => {
  it('writes every environment under <out>/<env>/platform and prints the summary data with -o json', async () => {
    const t = io();
    const code = await main(['node', 'slipway', 'synth', '--all', '--out', 'a', '-o', 'json'], t);
    expect(code).toBe(0);
    const data = JSON.parse(t.out.join('')) as Record<string, { platform: { templates: string[] } }>;
    expect(Object.keys(data)).toEqual(['test', 'prod']);
    expect(data.prod.platform.templates).toEqual(['a/prod/platform/shop-prod-platform.template.json']);
    expect(t.err.join('')).toBe('');
  });

  it('prints a per-component table and gives identical files on a second run', async () => {
    const t = io();
    expect(await main(['node', 'slipway', 'synth', '--env', 'test', '--out', 'b'], t)).toBe(0);
    expect(t.out.join('')).toMatch(/observability/);
    const first = readFileSync(join(root, 'b', 'test', 'platform', 'shop-test-platform.template.json'), 'utf8');
    expect(await main(['node', 'slipway', 'synth', '--env', 'test', '--out', 'b'], io())).toBe(0);
    expect(readFileSync(join(root, 'b', 'test', 'platform', 'shop-test-platform.template.json'), 'utf8')).toBe(first);
  });

  it('rejects an unknown environment with the defined ones', async () => {
    const t = io();
    expect(await main(['node', 'slipway', 'synth', '--env', 'staging'], t)).toBe(1);
    expect(t.err.join('')).toMatch(/defined: test, prod/);
  });
});

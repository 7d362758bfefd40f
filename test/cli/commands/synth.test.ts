import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-cli-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slipway synth', () => {
  it('writes every environment under <out>/<env>/platform and prints the summary data with -o json', async () => {
    const t = await runCli(['synth', '--all', '--out', 'a', '-o', 'json'], { cwd: root });
    expect(t.code).toBe(0);
    const data = JSON.parse(t.stdout) as Record<string, { platform: { templates: string[] } }>;
    expect(Object.keys(data)).toEqual(['test', 'prod']);
    expect(data.prod.platform.templates).toEqual(['a/prod/platform/shop-prod-platform.template.json']);
    expect(t.stderr).toMatch(/^note: no slipway\.config\.yaml in .*; using the bundled example .*examples\/shop/);
    expect(t.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a per-component table and gives identical files on a second run', async () => {
    const t = await runCli(['synth', '--env', 'test', '--out', 'b'], { cwd: root });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/observability/);
    const first = readFileSync(join(root, 'b', 'test', 'platform', 'shop-test-platform.template.json'), 'utf8');
    expect((await runCli(['synth', '--env', 'test', '--out', 'b'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'b', 'test', 'platform', 'shop-test-platform.template.json'), 'utf8')).toBe(first);
  });

  it('writes with --assembly a cloud assembly whose manifest names the stack, for cdk deploy --app', async () => {
    const t = await runCli(['synth', '--env', 'test', '--out', 'asm', '--assembly', '-o', 'json'], { cwd: root });
    expect(t.code).toBe(0);
    const data = JSON.parse(t.stdout) as Record<string, { platform: { assembly: string } }>;
    expect(data.test.platform.assembly).toBe('asm/test/cdk.out');
    const dir = join(root, 'asm', 'test', 'cdk.out');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
    };
    const stack = manifest.artifacts['shop-test-platform'];
    expect(stack.type).toBe('aws:cloudformation:stack');
    expect(existsSync(join(dir, String(stack.properties?.templateFile)))).toBe(true);
    expect(existsSync(join(dir, 'shop-test-platform.assets.json'))).toBe(true);
    // A second run replaces the assembly it wrote.
    expect((await runCli(['synth', '--env', 'test', '--out', 'asm', '--assembly'], { cwd: root })).code).toBe(0);
  });

  it('refuses to replace a cdk.out folder that is not a cloud assembly', async () => {
    mkdirSync(join(root, 'own', 'test', 'cdk.out'), { recursive: true });
    writeFileSync(join(root, 'own', 'test', 'cdk.out', 'notes.txt'), 'mine');
    const t = await runCli(['synth', '--env', 'test', '--out', 'own', '--assembly'], { cwd: root });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/not a cloud assembly/);
    expect(readFileSync(join(root, 'own', 'test', 'cdk.out', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('rejects an unknown environment with the defined ones', async () => {
    const t = await runCli(['synth', '--env', 'staging'], { cwd: root });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/defined: test, prod/);
  });

  it('synthesizes a config without account (as init writes it) with a warning naming the setting', async () => {
    const dir = mkdtempSync(join(root, 'init-'));
    expect((await runCli(['init', dir, '--project', 'demo'])).code).toBe(0);
    const t = await runCli(['synth', '--env', 'prod', '--out', 'c', '-o', 'json'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(/environments\.prod: no account setting; .*000000000000/);
    expect(t.stderr).not.toMatch(/bundled example/);
    const template = readFileSync(join(dir, 'c', 'prod', 'platform', 'demo-prod-platform.template.json'), 'utf8');
    expect(JSON.parse(template)).toBeTruthy();
  });

  it('refuses an empty --out and the file-system root before writing anything', async () => {
    const empty = await runCli(['synth', '--env', 'test', '--out', ''], { cwd: root });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/--out is empty/);
    const rootDir = await runCli(['synth', '--env', 'test', '--out', '/'], { cwd: root });
    expect(rootDir.code).toBe(1);
    expect(rootDir.stderr).toMatch(/file-system root/);
  });
});

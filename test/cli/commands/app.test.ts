import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledExamplePath } from '../../../src/config/load.js';
import { runCli } from '../../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-cli-app-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
copyFileSync(bundledExamplePath(), join(root, 'slipway.config.yaml'));

describe('slipway app', () => {
  it('new appends a commented entry to ./slipway.config.yaml and refuses a duplicate', async () => {
    const before = readFileSync(join(root, 'slipway.config.yaml'), 'utf8');
    const run = await runCli(['app', 'new', 'search', '--pattern', 'web', '--tier', 'backend'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/added web app "search"/);
    const after = readFileSync(join(root, 'slipway.config.yaml'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const again = await runCli(['app', 'new', 'search', '--pattern', 'worker'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(join(root, 'slipway.config.yaml'), 'utf8')).toBe(after);
  });

  it('new refuses to edit the bundled example when there is no config here', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'slipway-cli-app-empty-'));
    const run = await runCli(['app', 'new', 'x', '--pattern', 'web'], { cwd: empty });
    rmSync(empty, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/slipway init/);
  });

  it('explain prints the matrix as a table, or data with -o json', async () => {
    const table = await runCli(['app', 'explain', 'postgres', '--env', 'prod', '--no-color'], { cwd: root });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/postgres: stateful app, tier data/);
    expect(table.stdout).toMatch(/EBS storage/);
    const json = await runCli(['app', 'explain', 'orders-worker', '-o', 'json'], { cwd: root });
    const data = JSON.parse(json.stdout) as { pattern: string; components: { component: string; needed: boolean }[] };
    expect(data.pattern).toBe('worker');
    expect(data.components.find((c) => c.component === 'Pod Identity')?.needed).toBe(true);
  });

  it('explain names the closest app when the name is unknown', async () => {
    const run = await runCli(['app', 'explain', 'frontnd'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/did you mean "frontend"/);
  });
});

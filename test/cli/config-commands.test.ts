import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'slipway-cli-'));

describe('slipway init', () => {
  it('writes a starter config that loads, then refuses to overwrite it', async () => {
    const cwd = tmp();
    const first = await runCli(['init', 'demo'], { cwd });
    expect(first.code).toBe(0);
    expect(readFileSync(join(cwd, 'demo', 'slipway.config.yaml'), 'utf8')).toContain('project: demo');
    const second = await runCli(['init', 'demo'], { cwd });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists.*--force/);
    const forced = await runCli(['init', 'demo', '--force', '--project', 'other'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'demo', 'slipway.config.yaml'), 'utf8')).toContain('project: other');
  });
});

describe('slipway config diff', () => {
  it('shows the test-vs-production table for an init-generated config', async () => {
    const cwd = tmp();
    await runCli(['init', 'demo'], { cwd });
    const r = await runCli(['config', 'diff', 'test', 'prod', '--config', 'demo/slipway.config.yaml'], { cwd });
    expect(r.code).toBe(0);
    for (const text of [
      'demo-test',
      'demo-prod',
      'EKS/test/*',
      'EKS/prod/*',
      '7 days',
      '30 days',
      'manual',
      'daily',
      'spot',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it('prints data only with -o json', async () => {
    const r = await runCli(['config', 'diff', 'test', 'prod', '-o', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.environments).toEqual(['test', 'prod']);
    expect(data.summary[0]).toEqual({ setting: 'Cluster name', values: ['shop-test', 'shop-prod'], differs: true });
  });

  it('exits 1 naming the environments when one does not exist', async () => {
    const r = await runCli(['config', 'diff', 'test', 'staging']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"staging" is not an environment.*test, prod/);
  });
});

describe('bad config files', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown key',
      'project: x\nregoin: us-east-1\nenvironments:\n  test: { preset: test }\n',
      /bad\.yaml:2:1 regoin: unknown key/,
    ],
    [
      'YAML syntax error',
      'project: x\nenvironments:\n  test: { preset: test\n',
      /bad\.yaml:\d+:\d+: YAML syntax error/,
    ],
    [
      'alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      /alias bomb/,
    ],
  ];
  for (const [name, text, pattern] of cases) {
    it(`exits 1 with a positioned message and no stack trace on a ${name}`, async () => {
      const cwd = tmp();
      writeFileSync(join(cwd, 'bad.yaml'), text);
      const r = await runCli(['config', 'show', '--env', 'test', '--config', 'bad.yaml'], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('prints the stack trace only with --verbose', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'bad.yaml'), 'project: x\nregoin: y\nenvironments:\n  test: { preset: test }\n');
    const r = await runCli(['--verbose', 'config', 'show', '--env', 'test', '--config', 'bad.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('slipway config show and schema', () => {
  it('marks overridden values', async () => {
    const r = await runCli(['config', 'show', '--env', 'prod', '-o', 'json']);
    const rows = JSON.parse(r.stdout).settings as { setting: string; origin: string }[];
    expect(rows.find((x) => x.setting === 'logs.retentionDays')?.origin).toBe('environment');
    expect(rows.find((x) => x.setting === 'network.natGateways')?.origin).toBe('preset');
  });

  it('asks for --env when there are several environments', async () => {
    const r = await runCli(['config', 'show']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--env/);
  });

  it('prints a JSON Schema', async () => {
    const r = await runCli(['config', 'schema']);
    expect(JSON.parse(r.stdout).title).toBe('Slipway configuration');
  });

  it('rejects an output format the command does not support', async () => {
    const r = await runCli(['config', 'diff', 'test', 'prod', '-o', 'sarif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--output "sarif".*table, json, yaml/);
  });
});

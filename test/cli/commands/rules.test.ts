import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/registry.js';
import { runCli } from '../../support/cli.js';

describe('slipway rules', () => {
  it('lists every rule in a table', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toContain(rule.meta.id);
  });

  it('prints JSON data only, with defaults per preset', async () => {
    const r = await runCli(['rules', '--category', 'reliability', '-o', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { id: string; category: string; defaults: { test: unknown; prod: unknown } }[];
    expect(data.every((d) => d.category === 'reliability')).toBe(true);
    const replicas = data.find((d) => d.id === 'reliability.replicas');
    expect(replicas?.defaults).toEqual({
      test: { minReplicas: 1, thirdParty: 'warn' },
      prod: { minReplicas: 2, thirdParty: 'warn' },
    });
  });

  it('prints the Markdown of docs/rules.md', async () => {
    const r = await runCli(['rules', '-o', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Production readiness checklist');
  });

  it('rejects an unknown category and an unsupported format', async () => {
    const bad = await runCli(['rules', '--category', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('infrastructure');
    expect((await runCli(['rules', '-o', 'sarif'])).code).toBe(1);
  });
});

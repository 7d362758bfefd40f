import { describe, expect, it } from 'vitest';
import { diffEnvironments, showEnvironment } from '../../src/config/compare.js';
import { parseConfig } from '../../src/config/load.js';

const cfg = parseConfig(`project: my-cluster
environments:
  test: { preset: test }
  prod:
    preset: prod
    logs: { retentionDays: 90 }
    alarms: { email: [oncall@example.com] }
`);

describe('config diff', () => {
  const diff = diffEnvironments(cfg, 'test', 'prod');
  const row = (s: string) => diff.summary.find((r) => r.setting === s)?.values;

  it('renders the test-vs-production rows from the config', () => {
    expect(diff.summary.map((r) => r.setting)).toEqual([
      'Cluster name',
      'Node count',
      'Instance types',
      'Spot vs on-demand',
      'Secrets path',
      'Log retention',
      'Alarms',
      'Backup frequency',
    ]);
    expect(row('Cluster name')).toEqual(['my-cluster-test', 'my-cluster-prod']);
    expect(row('Node count')?.[0]).toMatch(/^2 nodes minimum/);
    expect(row('Node count')?.[1]).toMatch(/^3 nodes minimum .* across 3 AZs/);
    expect(row('Secrets path')).toEqual(['EKS/test/*', 'EKS/prod/*']);
    expect(row('Log retention')).toEqual(['7 days', '90 days']);
    expect(row('Alarms')?.[0]).toBe('off');
    expect(row('Alarms')?.[1]).toMatch(/^on/);
    expect(row('Backup frequency')?.[0]).toBe('manual');
    expect(row('Backup frequency')?.[1]).toMatch(/daily/);
    expect(row('Spot vs on-demand')?.[1]).toMatch(/on-demand 3-6.*spot/);
  });

  it('lists other resolved settings that differ, and only those', () => {
    const settings = diff.otherDifferences.map((r) => r.setting);
    expect(settings).toContain('network.natGateways');
    expect(settings).toContain('registry.immutableTags');
    expect(settings).not.toContain('region');
    expect(diff.otherDifferences.every((r) => r.differs)).toBe(true);
  });
});

describe('config show', () => {
  it('marks each value as coming from the preset, the project, the environment or a default', () => {
    const rows = Object.fromEntries(showEnvironment(cfg, 'prod').map((r) => [r.setting, r.origin]));
    expect(rows['logs.retentionDays']).toBe('environment');
    expect(rows['network.azCount']).toBe('preset');
    expect(rows['nodes.groups[0].min']).toBe('preset');
    expect(rows['nodes.groups[0].diskSizeGb']).toBe('preset');
    expect(rows['backup.cron']).toBe('default');
  });
});

import { describe, expect, it } from 'vitest';
import { bundledExamplePath, diffEnvironments, loadConfig } from '../src/index.js';
import { CHECKLIST, inventoryFromTexts, RULES, renderReports, synthesizeForVerify, verify } from '../src/verify.js';

describe('the package entry points', () => {
  it('does what `slipway verify` does: synthesize the example, verify it, render a report', async () => {
    const config = await loadConfig(bundledExamplePath());
    const env = config.environments.prod;
    const inventory = inventoryFromTexts(await synthesizeForVerify(env));
    const report = verify(inventory, { env, rules: RULES });
    expect(report.findings.filter((f) => f.status === 'fail')).toEqual([]);
    expect(report.checklist.map((c) => c.id).sort()).toEqual(CHECKLIST.map((c) => c.id).sort());
    expect(inventory.aws('AWS::EKS::Cluster')).toHaveLength(1);
    expect(inventory.kube('Deployment').length).toBeGreaterThanOrEqual(3);
    const json = JSON.parse(await renderReports('json', [report], { color: false, toolVersion: '0.0.0' }));
    expect(json.schemaVersion).toBe(1);
  });

  it('compares environments as `slipway config diff` does', async () => {
    const config = await loadConfig(bundledExamplePath());
    const diff = diffEnvironments(config, 'test', 'prod');
    expect(diff.summary.find((r) => r.setting === 'Secrets path')?.values).toEqual(['EKS/test/*', 'EKS/prod/*']);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../src/config/load.js';
import { THRESHOLDS_ONLY_WAIVERS } from '../../src/config/presets.js';
import { loadRules } from '../../src/rules/engine/load-rules.js';
import { runVerify, verifyExitCode } from '../../src/verify/run-verify.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:latest }]
`;

const config = defineConfig({
  project: 'adhoc',
  environments: {
    prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS] },
    test: { preset: 'test', waivers: [...THRESHOLDS_ONLY_WAIVERS] },
  },
});

function files(text = DEPLOYMENT): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-run-verify-'));
  writeFileSync(join(dir, 'web.yaml'), text);
  return { dir, path: join(dir, 'web.yaml') };
}

describe('runVerify', () => {
  it('judges every asked environment over the same files and records the run time of each rule', async () => {
    const { dir, path } = files();
    const timings = new Map<string, number>();
    const rules = await loadRules();
    const run = await runVerify({
      config,
      environments: ['prod', 'test'],
      source: { kind: 'files', paths: [path], cwd: dir },
      rules,
      timings,
    });
    expect(run.reports.map((r) => r.environment.name)).toEqual(['prod', 'test']);
    expect(run.reports[0].findings.some((f) => f.location.file?.endsWith('web.yaml'))).toBe(true);
    expect(run.failed).toBe(true);
    expect(verifyExitCode(run)).toBe(2);
    expect(timings.size).toBeGreaterThan(10);
    for (const id of timings.keys()) expect(rules.some((r) => r.meta.id === id)).toBe(true);
  });

  it('says an environment had nothing to verify and makes that exit 1', async () => {
    const { dir, path } = files('# nothing here\n');
    const run = await runVerify({ config, environments: ['prod'], source: { kind: 'files', paths: [path], cwd: dir } });
    expect(run.nothingToVerify).toEqual([{ environment: 'prod', reason: expect.any(String) }]);
    expect(verifyExitCode(run)).toBe(1);
  });

  it('refuses an environment the config does not have, naming the ones it has', async () => {
    const { dir, path } = files();
    await expect(
      runVerify({ config, environments: ['staging'], source: { kind: 'files', paths: [path], cwd: dir } }),
    ).rejects.toThrow('environment "staging" is not in the config; environments: prod, test');
  });

  it('verifies only the included rules', async () => {
    const { dir, path } = files();
    const run = await runVerify({
      config,
      environments: ['prod'],
      source: { kind: 'files', paths: [path], cwd: dir },
      include: ['security.*'],
    });
    const ids = new Set(run.reports[0].findings.map((f) => f.ruleId));
    expect([...ids].filter((id) => !id.startsWith('security.') && !id.startsWith('slipway.'))).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { buildPlatformApp } from '../../src/platform/synth.js';
import { exampleEnv, variantEnv } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Report {
  pluginReports: { violations: { ruleName: string; violatingConstructs?: { constructPath: string }[] }[] }[];
}

/** Synthesizes with AwsSolutions checks; returns the unsuppressed findings as `rule at path`. */
async function nagFindings(name: 'test' | 'prod' | EnvironmentConfig): Promise<string[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'slipway-nag-'));
  dirs.push(outdir);
  const env = typeof name === 'string' ? await exampleEnv(name) : name;
  const { app } = await buildPlatformApp(env, { outdir });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
    return [];
  } catch {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
    return report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) => (v.violatingConstructs ?? []).map((c) => `${v.ruleName} at ${c.constructPath}`)),
    );
  }
}

describe('cdk-nag AwsSolutions', () => {
  it('has no unsuppressed findings in test', async () => {
    expect(await nagFindings('test')).toEqual([]);
  });

  it('has no unsuppressed findings in prod', async () => {
    expect(await nagFindings('prod')).toEqual([]);
  });

  it('has no unsuppressed findings in prod with Karpenter as the node autoscaler', async () => {
    const env = variantEnv('prod', (c) => {
      c.nodes = { autoscaler: 'karpenter' };
    });
    expect(env.nodes.autoscaler).toBe('karpenter');
    expect(await nagFindings(env)).toEqual([]);
  });

  it('has no unsuppressed findings in an account-agnostic prod stack with Karpenter (no account in the config)', async () => {
    const env = variantEnv('prod', (c) => {
      delete c.account;
      delete c.cluster;
      c.nodes = { autoscaler: 'karpenter' };
    });
    expect(env.account).toBeUndefined();
    expect(await nagFindings(env)).toEqual([]);
  });

  it('has no unsuppressed findings in a prod registry home that another account pulls from', async () => {
    const env = variantEnv('prod', (c) => {
      const envs = c.environments as Record<string, Record<string, unknown>>;
      envs.test.account = '210987654321';
      envs.test.registry = { home: 'prod' };
    });
    expect(env.registryHome?.pullers).toHaveLength(1);
    expect(await nagFindings(env)).toEqual([]);
  });
});

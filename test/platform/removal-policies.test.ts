import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/config/presets.js';
import { lambdaLogGroupName } from '../../src/platform/lambda-log-groups.js';
import { manifests, resourcesOf, synth, variantEnv } from './fixtures.js';

type WithDeletion = { DeletionPolicy?: string; Properties?: Record<string, unknown> };

/** The example with every removal setting of one environment flipped from its preset default. */
function flipped(name: 'test' | 'prod', to: 'retain' | 'destroy') {
  return variantEnv(name, (input) => {
    const envs = input.environments as Record<string, Record<string, unknown>>;
    const e = envs[name];
    e.logs = { ...(e.logs as object), removalPolicy: to };
    e.registry = { ...(e.registry as object), removalPolicy: to };
    e.backup = { removalPolicy: to };
    e.cluster = { removalPolicy: to };
    e.workloads = { volumeReclaimPolicy: to === 'retain' ? 'Retain' : 'Delete' };
    // Both stacks create the repositories, so each one's policy is visible.
    e.registry = { ...(e.registry as object), home: name };
    if (name === 'test') e.account = '210987654321';
  });
}

describe('removal policies come from the config, not the preset', () => {
  it('keeps the presets apart: prod retains logs, repositories, vault, key and volumes; test destroys them', () => {
    expect(PRESETS.prod.logs?.removalPolicy).toBe('retain');
    expect(PRESETS.prod.registry?.removalPolicy).toBe('retain');
    expect(PRESETS.prod.backup?.removalPolicy).toBe('retain');
    expect(PRESETS.prod.cluster?.removalPolicy).toBe('retain');
    expect(PRESETS.prod.workloads?.volumeReclaimPolicy).toBe('Retain');
    expect(PRESETS.test.logs?.removalPolicy).toBe('destroy');
    expect(PRESETS.test.registry?.removalPolicy).toBe('destroy');
    expect(PRESETS.test.workloads?.volumeReclaimPolicy).toBe('Delete');
  });

  it('retains every log group, including the Lambda functions own, in a test environment set to retain', async () => {
    const { template, stack } = await synth(flipped('test', 'retain'));
    const groups = resourcesOf(template, 'AWS::Logs::LogGroup') as [string, WithDeletion][];
    const lambdaGroups = groups.filter(([, g]) =>
      String(g.Properties?.LogGroupName).startsWith(lambdaLogGroupName(stack.stackName, '')),
    );
    expect(lambdaGroups.length).toBeGreaterThan(0);
    for (const [, g] of groups) expect(g.DeletionPolicy).toBe('Retain');
    for (const [, r] of resourcesOf(template, 'AWS::ECR::Repository') as [string, WithDeletion][])
      expect(r.DeletionPolicy).toBe('Retain');
    for (const [, k] of resourcesOf(template, 'AWS::KMS::Key') as [string, WithDeletion][]) {
      if (String(k.Properties?.Description).includes('Kubernetes secrets')) expect(k.DeletionPolicy).toBe('Retain');
    }
    const classes = manifests(template).filter((m) => m.kind === 'StorageClass');
    expect(classes.map((c) => c.reclaimPolicy)).toEqual(classes.map(() => 'Retain'));
  });

  it('deletes log groups, repositories and the vault with a prod stack set to destroy', async () => {
    const { template } = await synth(flipped('prod', 'destroy'));
    for (const type of ['AWS::Logs::LogGroup', 'AWS::ECR::Repository', 'AWS::Backup::BackupVault']) {
      const found = resourcesOf(template, type) as [string, WithDeletion][];
      expect(found.length, type).toBeGreaterThan(0);
      for (const [id, r] of found) expect(`${id} ${r.DeletionPolicy}`).toBe(`${id} Delete`);
    }
    const classes = manifests(template).filter((m) => m.kind === 'StorageClass');
    expect(new Set(classes.map((c) => c.reclaimPolicy))).toEqual(new Set(['Delete']));
  });
});

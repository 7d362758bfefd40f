import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformSynthResult, synthesizePlatform } from '../../src/platform/synth.js';
import { versionsFor } from '../../src/platform/versions.js';
import { exampleEnv } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-platform-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let validated: PlatformSynthResult;
beforeAll(async () => {
  // The one synthesis with CDK's built-in CloudFormation template validation on.
  validated = await synthesizePlatform(await exampleEnv('prod'), { outdir: join(root, 'a'), validateTemplates: true });
});

describe('synthesizePlatform', () => {
  it('passes CloudFormation template validation and writes the template under <out>/<env>/platform', () => {
    expect(validated.templates).toEqual([join(root, 'a', 'prod', 'platform', 'shop-prod-platform.template.json')]);
    expect(validated.stackName).toBe('shop-prod-platform');
  });

  it('writes byte-identical templates on every run', async () => {
    const again = await synthesizePlatform(await exampleEnv('prod'), { outdir: join(root, 'b') });
    expect(readFileSync(again.templates[0], 'utf8')).toBe(readFileSync(validated.templates[0], 'utf8'));
  });

  it('summarizes every component with resource counts', () => {
    const names = validated.components.map((c) => c.component);
    expect(names).toEqual([
      'network',
      'cluster',
      'identity',
      'registry',
      'ingress',
      'storage',
      'secrets',
      'observability',
      'backup',
      'addons',
      'apps',
    ]);
    const cluster = validated.components.find((c) => c.component === 'cluster');
    expect(cluster?.resources['AWS::EKS::Nodegroup']).toBe(2);
  });

  it('replaces stale templates and leaves nothing else in the folder', async () => {
    const env = await exampleEnv('test');
    await synthesizePlatform(env, { outdir: join(root, 'c') });
    await synthesizePlatform(env, { outdir: join(root, 'c') });
    expect(readdirSync(join(root, 'c', 'test', 'platform'))).toEqual(['shop-test-platform.template.json']);
  });

  it('refuses a Kubernetes version missing from the lock, naming the supported ones', () => {
    expect(() => versionsFor('1.29')).toThrow(/supported: 1\.32, 1\.33, 1\.34/);
  });
});

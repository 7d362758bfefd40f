import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { NameClashError } from '../../src/platform/name-clashes.js';
import { appGroups, synthesizePlatformTemplates } from '../../src/platform/platform-templates.js';
import { kubectlLayerFor, sortKeys } from '../../src/platform/synth.js';
import { environmentsToSynthesize, platformSynthesizer } from '../../src/platform/synthesizer.js';
import { exampleEnv, variantEnv } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-shared-app-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const named = (name: string, account: string, clusterName = `shop-${name}`) =>
  ({ name, account, clusterName }) as unknown as EnvironmentConfig;

/** Counts the CDK apps synthesized while `work` runs, and the stacks in each. */
async function appsSynthesizedDuring(work: () => Promise<void>): Promise<number[]> {
  const stacksPerApp: number[] = [];
  const synth = App.prototype.synth;
  vi.spyOn(App.prototype, 'synth').mockImplementation(function (this: App, ...args) {
    stacksPerApp.push(this.node.children.filter((c) => Stack.isStack(c)).length);
    return synth.apply(this, args);
  });
  await work();
  return stacksPerApp;
}

describe('one CDK app for several environments', () => {
  it('gives each environment the same templates as an app of its own', async () => {
    const envs = [await exampleEnv('test'), await exampleEnv('prod')];
    const text = (t: unknown) => JSON.stringify(sortKeys(t));
    const together = await synthesizePlatformTemplates(envs, { loadLayer: kubectlLayerFor });
    for (const [i, env] of envs.entries()) {
      const [alone] = await synthesizePlatformTemplates([env], { loadLayer: kubectlLayerFor });
      expect(together[i].env.name).toBe(env.name);
      expect(together[i].templates.map((t) => t.file)).toEqual([`shop-${env.name}-platform.template.json`]);
      expect(together[i].templates.map((t) => text(t.template))).toEqual(alone.templates.map((t) => text(t.template)));
    }
  });

  it('puts environments whose stacks share a name into apps of their own', () => {
    const groups = appGroups([named('a', '1', 'x'), named('b', '1', 'x'), named('c', '1'), named('d', '1', 'x')]);
    expect(groups.map((g) => g.map((e) => e.name))).toEqual([['a', 'c'], ['b'], ['d']]);
  });
});

describe('which environments a synth run synthesizes up front', () => {
  it('takes the written ones and every one sharing an account with another, in config order', () => {
    const environments = [named('dev', '111111111111'), named('test', '222222222222'), named('prod', '222222222222')];
    const pick = (selected: string[], assembly = false) =>
      environmentsToSynthesize(
        { environments, selected: environments.filter((e) => selected.includes(e.name)) },
        { assembly },
      ).map((e) => e.name);
    expect(pick(['dev'])).toEqual(['dev', 'test', 'prod']);
    expect(pick(['prod'])).toEqual(['test', 'prod']);
    // A cloud assembly needs an app of its own: only the name-clash check's environments are synthesized first.
    expect(pick(['dev'], true)).toEqual(['test', 'prod']);
  });

  it('synthesizes both environments of the example once, in one app, and writes them from it', async () => {
    const envs = [await exampleEnv('test'), await exampleEnv('prod')];
    const opts = { outdir: join(root, 'run'), validate: false };
    const apps = await appsSynthesizedDuring(async () => {
      const prepared = await platformSynthesizer.prepare?.({ environments: envs, selected: envs }, opts);
      for (const env of envs) await prepared?.synthesize(env, opts);
    });
    expect(apps).toEqual([2]);
    const alone = join(root, 'alone');
    await platformSynthesizer.synthesize(envs[1], { outdir: alone, validate: false });
    const file = join('prod', 'platform', 'shop-prod-platform.template.json');
    expect(readFileSync(join(root, 'run', file), 'utf8')).toBe(readFileSync(join(alone, file), 'utf8'));
  });

  it('stops with the name clashes before writing anything', async () => {
    const change = (input: Record<string, unknown>) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.cluster = { name: 'shop' };
      envs.prod.cluster = { name: 'shop' };
    };
    const envs = [variantEnv('test', change), variantEnv('prod', change)];
    const outdir = join(root, 'clash');
    const error = await platformSynthesizer
      .prepare?.({ environments: envs, selected: [envs[0]] }, { outdir, validate: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameClashError);
    expect(() => readFileSync(join(outdir, 'test', 'platform', 'shop-platform.template.json'))).toThrow(/ENOENT/);
  });
});

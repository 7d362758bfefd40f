import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { type BootstrapDeps, runBootstrap } from '../../src/platform/bootstrap.js';
import { runPlatformAction } from '../../src/platform/deploy.js';
import { runCli } from '../support/cli.js';
import { exampleEnv, variantEnv } from './fixtures.js';

/** Fakes up to the network boundary: credentials and the toolkit's bootstrap are recorded, never sent. */
function fakes(answers: (string | undefined)[] = []) {
  const calls: string[] = [];
  const deps: BootstrapDeps = {
    resolveCredentials: async ({ profile, region }) => {
      calls.push(`credentials ${profile ?? '-'} ${region}`);
      return {
        provider: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
        region,
        source: 'fake',
      };
    },
    bootstrap: async ({ target, credentials }) => {
      calls.push(`bootstrap ${target} ${credentials.region}`);
      return { status: 'success' };
    },
    prompt: async () => answers.shift(),
    log: () => {},
  };
  return { calls, deps };
}

beforeEach(() => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFAKEFAKE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('slipway bootstrap (library)', () => {
  it("bootstraps the environment's account and region with --yes", async () => {
    const { calls, deps } = fakes();
    const result = await runBootstrap({ env: await exampleEnv('prod'), yes: true }, { ...deps, prompt: undefined });
    expect(calls).toEqual(['credentials - us-east-1', 'bootstrap aws://123456789012/us-east-1 us-east-1']);
    expect(result).toMatchObject({ environment: 'prod', target: 'aws://123456789012/us-east-1', status: 'success' });
  });

  it('honours --profile and --region', async () => {
    const { calls, deps } = fakes();
    await runBootstrap({ env: await exampleEnv('test'), profile: 'ops', region: 'eu-west-1', yes: true }, deps);
    expect(calls).toEqual(['credentials ops eu-west-1', 'bootstrap aws://123456789012/eu-west-1 eu-west-1']);
  });

  it('asks at a terminal and bootstraps only on yes', async () => {
    const env = await exampleEnv('test');
    const yes = fakes(['y']);
    await runBootstrap({ env }, yes.deps);
    expect(yes.calls.at(-1)).toBe('bootstrap aws://123456789012/us-east-1 us-east-1');
    const no = fakes(['n']);
    const err = await runBootstrap({ env }, no.deps).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/not confirmed; nothing was changed/);
    expect(no.calls.filter((c) => c.startsWith('bootstrap'))).toEqual([]);
  });

  it('refuses without a terminal and without --yes, before reading credentials', async () => {
    const { calls, deps } = fakes();
    const err = await runBootstrap({ env: await exampleEnv('test') }, { ...deps, prompt: undefined }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/slipway bootstrap --env test --yes/);
    expect(calls).toEqual([]);
  });

  it('refuses an environment without an account, naming the setting, before reading credentials', async () => {
    const { calls, deps } = fakes();
    const env = variantEnv('test', (input) => {
      delete input.account;
    });
    const err = await runBootstrap({ env, yes: true }, deps).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no account setting/);
    expect((err as Error).message).toMatch(/account: "<12-digit id>"/);
    expect(calls).toEqual([]);
  });
});

describe('deploy names the bootstrap command', () => {
  it('tells a deploy into an unbootstrapped account to run slipway bootstrap for that environment and region', async () => {
    const env = await exampleEnv('test');
    const deps = {
      resolveCredentials: async ({ region }: { region: string }) => ({
        provider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
        region,
        source: 'fake',
      }),
      createToolkit: async () => {
        throw new Error('the toolkit is never built before the bootstrap check');
      },
      bootstrapVersion: async () => ({}),
      log: () => {},
    };
    const plain = await runPlatformAction({ env, action: 'deploy', yes: true }, deps).catch((e: unknown) => e);
    expect((plain as Error).message).toContain('slipway bootstrap --env test ');
    const elsewhere = await runPlatformAction({ env, action: 'deploy', yes: true, region: 'eu-west-1' }, deps).catch(
      (e: unknown) => e,
    );
    expect((elsewhere as Error).message).toContain('slipway bootstrap --env test --region eu-west-1');
  });
});

describe('slipway bootstrap (CLI)', () => {
  it('refuses without a terminal and without --yes, exit 1, naming --yes', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-bootstrap-'));
    writeFileSync(join(cwd, 'slipway.config.yaml'), readFileSync(bundledExamplePath(), 'utf8'));
    const t = await runCli(['bootstrap', '--env', 'test'], { cwd });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--yes/);
  });

  it('refuses a config without an account, exit 1, naming the setting', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-bootstrap-'));
    const text = readFileSync(bundledExamplePath(), 'utf8').replace(/^account: .*$/m, '');
    writeFileSync(join(cwd, 'slipway.config.yaml'), text);
    const t = await runCli(['bootstrap', '--env', 'test', '--yes'], { cwd });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/no account setting/);
  });

  it('never bootstraps for the bundled example: without a config file it names --config', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-noconfig-'));
    const t = await runCli(['bootstrap', '--env', 'test', '--yes'], { cwd });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--config/);
  });
});

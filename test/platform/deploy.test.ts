import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import {
  CredentialsError,
  type PlatformActionDeps,
  type PlatformToolkit,
  runPlatformAction,
} from '../../src/platform/deploy.js';
import { runCli } from '../support/cli.js';
import { exampleEnv, variantEnv } from './fixtures.js';

/** A toolkit that records what it was asked to do and never calls AWS. */
function fakes(answers: (string | undefined)[] = []) {
  const calls: string[] = [];
  const toolkit: PlatformToolkit = {
    deploy: async () => void calls.push('deploy'),
    diff: async () => void calls.push('diff'),
    destroy: async () => void calls.push('destroy'),
  };
  const deps: PlatformActionDeps = {
    resolveCredentials: async ({ region }) => ({
      provider: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
      region,
      source: 'fake',
    }),
    createToolkit: async () => {
      calls.push('toolkit');
      return toolkit;
    },
    bootstrapVersion: async () => ({ version: 30, source: 'fake' }),
    prompt: async () => answers.shift(),
    log: () => {},
  };
  return { calls, deps };
}

beforeEach(() => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('credentials', () => {
  it('stops before any change when the default chain finds no credentials, and says how to provide them', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/slipway/credentials');
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/slipway/config');
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', '');
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '');
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', '');
    const { calls, deps } = fakes();
    const env = await exampleEnv('test');
    const err = await runPlatformAction({ env, action: 'deploy' }, { ...deps, resolveCredentials: undefined }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CredentialsError);
    expect(String((err as Error).message)).toMatch(/AWS_PROFILE/);
    expect(String((err as Error).message)).toMatch(/--profile/);
    expect(String((err as Error).message)).toMatch(/--region/);
    expect(calls).toEqual([]);
  });

  it('passes --profile and --region to the credential resolution', async () => {
    const { deps } = fakes();
    const seen: unknown[] = [];
    const result = await runPlatformAction(
      { env: await exampleEnv('test'), action: 'diff', profile: 'ops', region: 'eu-west-1' },
      {
        ...deps,
        resolveCredentials: async (o) => {
          seen.push(o);
          return { provider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), region: o.region, source: 'x' };
        },
      },
    );
    expect(seen).toEqual([{ profile: 'ops', region: 'eu-west-1' }]);
    expect(result).toMatchObject({ action: 'diff', stackName: 'shop-test-platform', region: 'eu-west-1' });
  });
});

describe('destroy confirmations', () => {
  it('destroys after the cluster name is typed at the prompt', async () => {
    const { calls, deps } = fakes(['shop-test']);
    await runPlatformAction({ env: await exampleEnv('test'), action: 'destroy' }, deps);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('asks for --force where cluster.destroyNeedsForce says so, not by the preset name', async () => {
    const { calls, deps } = fakes();
    const strictTest = variantEnv('test', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.cluster = { destroyNeedsForce: true };
    });
    await expect(runPlatformAction({ env: strictTest, action: 'destroy', confirm: 'shop-test' }, deps)).rejects.toThrow(
      /cluster\.destroyNeedsForce/,
    );
    const relaxedProd = variantEnv('prod', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.prod.cluster = { destroyNeedsForce: false };
    });
    await runPlatformAction({ env: relaxedProd, action: 'destroy', confirm: 'shop-prod' }, deps);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('refuses when the typed name is wrong', async () => {
    const { calls, deps } = fakes(['shop-prod']);
    await expect(runPlatformAction({ env: await exampleEnv('test'), action: 'destroy' }, deps)).rejects.toThrow(
      /not the cluster name "shop-test"/,
    );
    expect(calls).toEqual([]);
  });

  it('refuses without a terminal unless the name is given with --confirm', async () => {
    const { calls, deps } = fakes();
    const noTty = { ...deps, prompt: undefined };
    const env = await exampleEnv('test');
    await expect(runPlatformAction({ env, action: 'destroy' }, noTty)).rejects.toThrow(/--confirm shop-test/);
    await expect(runPlatformAction({ env, action: 'destroy', confirm: 'wrong' }, noTty)).rejects.toThrow(
      /does not match/,
    );
    expect(calls).toEqual([]);
    await runPlatformAction({ env, action: 'destroy', confirm: 'shop-test' }, noTty);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('asks for --force where cluster.destroyNeedsForce says so, not by the preset name', async () => {
    const { calls, deps } = fakes();
    const strictTest = variantEnv('test', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.cluster = { destroyNeedsForce: true };
    });
    await expect(runPlatformAction({ env: strictTest, action: 'destroy', confirm: 'shop-test' }, deps)).rejects.toThrow(
      /cluster\.destroyNeedsForce/,
    );
    const relaxedProd = variantEnv('prod', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.prod.cluster = { destroyNeedsForce: false };
    });
    await runPlatformAction({ env: relaxedProd, action: 'destroy', confirm: 'shop-prod' }, deps);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('refuses a prod-preset environment without --force, even with the name typed', async () => {
    const { calls, deps } = fakes(['shop-prod']);
    const env = await exampleEnv('prod');
    await expect(runPlatformAction({ env, action: 'destroy', confirm: 'shop-prod' }, deps)).rejects.toThrow(/--force/);
    expect(calls).toEqual([]);
    await runPlatformAction({ env, action: 'destroy', confirm: 'shop-prod', force: true }, deps);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('asks for --force where cluster.destroyNeedsForce says so, not by the preset name', async () => {
    const { calls, deps } = fakes();
    const strictTest = variantEnv('test', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.cluster = { destroyNeedsForce: true };
    });
    await expect(runPlatformAction({ env: strictTest, action: 'destroy', confirm: 'shop-test' }, deps)).rejects.toThrow(
      /cluster\.destroyNeedsForce/,
    );
    const relaxedProd = variantEnv('prod', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.prod.cluster = { destroyNeedsForce: false };
    });
    await runPlatformAction({ env: relaxedProd, action: 'destroy', confirm: 'shop-prod' }, deps);
    expect(calls).toEqual(['toolkit', 'destroy']);
  });

  it('deploy and diff need no typed name', async () => {
    const { calls, deps } = fakes();
    const env = await exampleEnv('prod');
    await runPlatformAction({ env, action: 'deploy' }, deps);
    await runPlatformAction({ env, action: 'diff' }, deps);
    expect(calls).toEqual(['toolkit', 'deploy', 'toolkit', 'diff']);
  });
});

describe('slipway destroy (CLI)', () => {
  it('refuses without a terminal and without --confirm, before touching AWS', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFAKEFAKE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret');
    const t = await runCli(['destroy', '--env', 'test', '--config', bundledExamplePath()]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--confirm shop-test/);
  });

  it('refuses prod without --force', async () => {
    const t = await runCli([
      'destroy',
      '--env',
      'prod',
      '--yes-i-typed',
      'shop-prod',
      '--config',
      bundledExamplePath(),
    ]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--force/);
  });
});

describe('deploying safely', () => {
  it('refuses to deploy an environment without an account, naming the setting, before touching AWS', async () => {
    const { calls, deps } = fakes();
    const env = variantEnv('test', (input) => {
      delete input.account;
    });
    const err = await runPlatformAction({ env, action: 'deploy', yes: true }, deps).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/no account setting/);
    expect(String((err as Error).message)).toContain('000000000000');
    expect(calls).toEqual([]);
  });

  it('refuses to deploy without a terminal unless --yes approves, and then answers the toolkit yes', async () => {
    const { calls, deps } = fakes();
    const env = await exampleEnv('test');
    const noTerminal = { ...deps, prompt: undefined };
    const err = await runPlatformAction({ env, action: 'deploy' }, noTerminal).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/--yes/);
    expect(calls).toEqual([]);
    let approved: boolean | undefined;
    await runPlatformAction(
      { env, action: 'deploy', yes: true },
      {
        ...noTerminal,
        createToolkit: async ({ confirm }) => ({
          deploy: async () => {
            approved = await confirm('Do you wish to deploy these changes');
          },
          diff: async () => {},
          destroy: async () => {},
        }),
      },
    );
    expect(approved).toBe(true);
  });

  it('never deploys or destroys the bundled example: without a config file it names --config', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-noconfig-'));
    for (const args of [
      ['deploy', '--env', 'test', '--yes'],
      ['destroy', '--env', 'test', '--confirm', 'shop-test'],
    ]) {
      const t = await runCli(args, { cwd });
      expect(t.code).toBe(1);
      expect(t.stderr).toMatch(/--config/);
    }
  });

  it('refuses inside the example folder too, naming the file as the bundled example', async () => {
    const cwd = join(import.meta.dirname, '..', '..', 'examples', 'shop');
    const t = await runCli(['deploy', '--env', 'test', '--yes'], { cwd });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/examples\/shop\/slipway\.config\.yaml is the bundled example; pass --config/);
    expect(t.stderr).not.toMatch(/there is no slipway\.config\.yaml/);
  });
});

describe('CDK bootstrap', () => {
  it('stops a deploy into an account and region without the bootstrap stack, saying how to create it', async () => {
    const { calls, deps } = fakes();
    const env = await exampleEnv('test');
    const err = await runPlatformAction(
      { env, action: 'deploy', yes: true },
      { ...deps, bootstrapVersion: async () => ({}) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('slipway bootstrap --env test');
    expect((err as Error).message).toContain('npx cdk bootstrap aws://123456789012/us-east-1');
    expect((err as Error).message).toContain('not bootstrapped');
    expect(calls).toEqual([]);
  });

  it('stops a deploy when the bootstrap version is older than 6, naming the version seen', async () => {
    const { calls, deps } = fakes();
    const env = await exampleEnv('test');
    const err = await runPlatformAction(
      { env, action: 'deploy', yes: true, region: 'eu-west-1' },
      { ...deps, bootstrapVersion: async () => ({ version: 5, source: 'stack CDKToolkit output BootstrapVersion' }) },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toContain('version 5');
    expect((err as Error).message).toContain('aws://123456789012/eu-west-1');
    expect(calls).toEqual([]);
  });

  it('deploys when the bootstrap version is 6, and does not read it for diff', async () => {
    const { calls, deps } = fakes();
    const env = await exampleEnv('test');
    const reads: string[] = [];
    const bootstrapVersion = async (c: { region: string }) => {
      reads.push(c.region);
      return { version: 6, source: 'fake' };
    };
    await runPlatformAction({ env, action: 'deploy', yes: true }, { ...deps, bootstrapVersion });
    await runPlatformAction({ env, action: 'diff' }, { ...deps, bootstrapVersion });
    expect(calls).toEqual(['toolkit', 'deploy', 'toolkit', 'diff']);
    expect(reads).toEqual(['us-east-1']);
  });
});

describe('named resources before deploy', () => {
  it('refuses to deploy when two environments in one account and region share a cluster name', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-clash-'));
    const text = readFileSync(bundledExamplePath(), 'utf8')
      .replace('    preset: test ', '    cluster: { name: shop }\n    preset: test ')
      .replace('    preset: prod ', '    cluster: { name: shop }\n    preset: prod ');
    writeFileSync(join(cwd, 'slipway.config.yaml'), text);
    const t = await runCli(['deploy', '--env', 'test', '--yes'], { cwd });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/AWS::EKS::Cluster shop in 123456789012\/us-east-1: environments prod, test/);
    expect(t.stderr).toMatch(/cluster\.name/);
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { repositoryNames } from '../../src/platform/registry.js';
import { dig, exampleEnv, resourcesOf, type Synthesized, synth, variantEnv } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
/** The example's test environment in an account of its own, so it keeps its own repositories. */
let ownTest: Synthesized;
beforeAll(async () => {
  [test, prod, ownTest] = await Promise.all([
    synth(await exampleEnv('test')),
    synth(await exampleEnv('prod')),
    synth(
      variantEnv('test', (input) => {
        const envs = input.environments as Record<string, Record<string, unknown>>;
        envs.test.account = '210987654321';
      }),
    ),
  ]);
});

describe('registry', () => {
  it('creates the configured repositories plus one per app image', () => {
    expect(repositoryNames(prod.env)).toEqual([
      'shop/api',
      'shop/base-images',
      'shop/frontend',
      'shop/orders-worker',
      'shop/reports',
    ]);
    const created = resourcesOf(prod.template, 'AWS::ECR::Repository').map(([, r]) => r.Properties?.RepositoryName);
    expect(created.sort()).toEqual(repositoryNames(prod.env));
  });

  it('scans every image on push, encrypts, and keeps tags immutable only in prod', () => {
    for (const s of [ownTest, prod]) {
      s.template.allResourcesProperties('AWS::ECR::Repository', {
        ImageScanningConfiguration: { ScanOnPush: true },
        EncryptionConfiguration: { EncryptionType: 'AES256' },
      });
    }
    prod.template.allResourcesProperties('AWS::ECR::Repository', { ImageTagMutability: 'IMMUTABLE' });
    ownTest.template.allResourcesProperties('AWS::ECR::Repository', { ImageTagMutability: 'MUTABLE' });
  });

  it('expires untagged images and keeps the last N per environment', () => {
    const policy = (s: Synthesized) => {
      const [, repo] = resourcesOf(s.template, 'AWS::ECR::Repository')[0];
      const text = String(dig(repo.Properties, 'LifecyclePolicy', 'LifecyclePolicyText'));
      return JSON.parse(text) as { rules: { selection: Record<string, unknown> }[] };
    };
    const prodRules = policy(prod).rules.map((r) => r.selection);
    expect(prodRules).toContainEqual(
      expect.objectContaining({ tagStatus: 'untagged', countNumber: 7, countUnit: 'days' }),
    );
    expect(prodRules).toContainEqual(expect.objectContaining({ tagStatus: 'any', countNumber: 30 }));
    expect(policy(ownTest).rules.map((r) => r.selection)).toContainEqual(
      expect.objectContaining({ tagStatus: 'untagged', countNumber: 1 }),
    );
  });

  it('replicates to the configured regions in prod only', () => {
    prod.template.hasResourceProperties('AWS::ECR::ReplicationConfiguration', {
      ReplicationConfiguration: {
        Rules: [
          { Destinations: [{ Region: 'us-west-2', RegistryId: '123456789012' }], RepositoryFilters: Match.anyValue() },
        ],
      },
    });
    ownTest.template.resourceCountIs('AWS::ECR::ReplicationConfiguration', 0);
  });

  it('creates the repositories once when test and prod share an account and region: prod is the home', () => {
    expect(prod.env.registryHome).toEqual({
      environment: 'prod',
      account: '123456789012',
      region: 'us-east-1',
      importers: ['test'],
      pullers: [],
      extraRepositories: [],
    });
    expect(test.env.registryHome?.environment).toBe('prod');
    expect(prod.stack.components.registry?.repositories).toHaveLength(repositoryNames(prod.env).length);
    test.template.resourceCountIs('AWS::ECR::Repository', 0);
    test.template.resourceCountIs('AWS::ECR::ReplicationConfiguration', 0);
    expect(test.stack.components.registry?.imported.map((r) => r.repositoryName).sort()).toEqual(
      repositoryNames(test.env),
    );
  });

  it('creates in the home the repositories an importing environment configures', () => {
    const change = (input: Record<string, unknown>) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.registry = { repositories: [{ name: 'shop/load-tests' }] };
    };
    const home = variantEnv('prod', change);
    expect(home.registryHome?.extraRepositories).toEqual(['shop/load-tests']);
    expect(repositoryNames(home)).toContain('shop/load-tests');
    expect(repositoryNames(variantEnv('test', change))).toContain('shop/load-tests');
  });

  it('follows registry.home when it names an environment in the same account and region', () => {
    const env = variantEnv('prod', (input) => {
      input.registry = { ...(input.registry as object), home: 'test' };
    });
    expect(env.registryHome?.environment).toBe('test');
  });

  it('keeps its own repositories in another account when registry.home is not set', () => {
    expect(ownTest.env.registryHome).toEqual({
      environment: 'test',
      account: '210987654321',
      region: 'us-east-1',
      importers: [],
      pullers: [],
      extraRepositories: [],
    });
    expect(resourcesOf(ownTest.template, 'AWS::ECR::Repository')).toHaveLength(repositoryNames(ownTest.env).length);
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { repositoryNames } from '../../src/platform/registry.js';
import { dig, exampleEnv, resourcesOf, type Synthesized, synth } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
beforeAll(async () => {
  [test, prod] = await Promise.all([synth(await exampleEnv('test')), synth(await exampleEnv('prod'))]);
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
    for (const s of [test, prod]) {
      s.template.allResourcesProperties('AWS::ECR::Repository', {
        ImageScanningConfiguration: { ScanOnPush: true },
        EncryptionConfiguration: { EncryptionType: 'AES256' },
      });
    }
    prod.template.allResourcesProperties('AWS::ECR::Repository', { ImageTagMutability: 'IMMUTABLE' });
    test.template.allResourcesProperties('AWS::ECR::Repository', { ImageTagMutability: 'MUTABLE' });
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
    expect(policy(test).rules.map((r) => r.selection)).toContainEqual(
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
    test.template.resourceCountIs('AWS::ECR::ReplicationConfiguration', 0);
  });
});

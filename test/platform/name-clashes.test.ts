import { describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import { findNameClashes, NameClashError } from '../../src/platform/name-clashes.js';
import { assertNoNameClashes, nameClashes } from '../../src/platform/synth.js';
import { variantEnv } from './fixtures.js';

const template = (resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>) => ({
  Resources: resources,
});
const repo = (name: unknown) => ({ Type: 'AWS::ECR::Repository', Properties: { RepositoryName: name } });

describe('named resources across environments', () => {
  it('finds a repository two environments in one account and region would both create', () => {
    const clashes = findNameClashes([
      {
        environment: 'test',
        account: '111111111111',
        region: 'us-east-1',
        stackName: 'a',
        template: template({ R: repo('shop/api') }),
      },
      {
        environment: 'prod',
        account: '111111111111',
        region: 'us-east-1',
        stackName: 'b',
        template: template({ R: repo('shop/api') }),
      },
    ]);
    expect(clashes).toEqual([
      {
        place: '111111111111/us-east-1',
        type: 'AWS::ECR::Repository',
        name: 'shop/api',
        environments: ['prod', 'test'],
        setting: 'registry.home',
      },
    ]);
    const message = new NameClashError(clashes).message;
    expect(message).toContain('environments prod, test');
    expect(message).toContain('registry.home');
  });

  it('finds nothing across regions, except IAM role names, which are account-wide', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'shop-secrets' } };
    const clashes = findNameClashes([
      {
        environment: 'east',
        account: '111111111111',
        region: 'us-east-1',
        stackName: 'a',
        template: template({ R: repo('shop/api'), Role: role }),
      },
      {
        environment: 'west',
        account: '111111111111',
        region: 'us-west-2',
        stackName: 'b',
        template: template({ R: repo('shop/api'), Role: role }),
      },
    ]);
    expect(clashes.map((c) => [c.type, c.name, c.place])).toEqual([['AWS::IAM::Role', 'shop-secrets', '111111111111']]);
  });

  it('reads names joined from literals and the region, and ignores names CloudFormation generates', () => {
    const joined = { 'Fn::Join': ['', ['/aws/', { Ref: 'AWS::Region' }, '/x']] };
    const group = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: joined } };
    const unnamed = { Type: 'AWS::Logs::LogGroup', Properties: {} };
    const clashes = findNameClashes([
      { environment: 'a', region: 'us-east-1', stackName: 'a', template: template({ G: group, U: unnamed }) },
      { environment: 'b', region: 'us-east-1', stackName: 'b', template: template({ G: group, U: unnamed }) },
    ]);
    expect(clashes.map((c) => c.name)).toEqual(['/aws/us-east-1/x']);
  });

  it('finds none in the bundled example: test and prod share an account and region and one registry', async () => {
    const config = await loadConfig(bundledExamplePath());
    expect(await nameClashes(Object.values(config.environments))).toEqual([]);
  });

  it('refuses two environments given the same cluster name, naming the setting', async () => {
    const change = (input: Record<string, unknown>) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.cluster = { name: 'shop' };
      envs.prod.cluster = { name: 'shop' };
    };
    const envs = [variantEnv('test', change), variantEnv('prod', change)];
    const error = await assertNoNameClashes(envs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameClashError);
    const clashes = (error as NameClashError).clashes;
    expect(clashes.map((c) => c.type)).toEqual(
      expect.arrayContaining(['AWS::EKS::Cluster', 'AWS::CloudFormation::Stack']),
    );
    expect(clashes.every((c) => c.environments.join() === 'prod,test')).toBe(true);
    expect((error as Error).message).toContain('cluster.name');
  });
});

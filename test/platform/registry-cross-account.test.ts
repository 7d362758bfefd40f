import { beforeAll, describe, expect, it } from 'vitest';
import { imageOf } from '../../src/apps/naming.js';
import { synthesizeApps } from '../../src/apps/synth.js';
import { ROLE_TAGS } from '../../src/platform/registry.js';
import { resourcesOf, type Synthesized, synth, variantEnv } from './fixtures.js';

/** The example with test in an account of its own, pulling prod's images (registry.home: prod). */
function crossAccount(name: 'test' | 'prod') {
  return variantEnv(name, (input) => {
    const envs = input.environments as Record<string, Record<string, unknown>>;
    envs.test.account = '210987654321';
    envs.test.registry = { home: 'prod' };
  });
}

let home: Synthesized;
let importer: Synthesized;
beforeAll(async () => {
  [home, importer] = await Promise.all([synth(crossAccount('prod')), synth(crossAccount('test'))]);
});

type Statement = { Principal?: unknown; Action?: string[]; Condition?: Record<string, Record<string, unknown>> };

describe('a registry home pulled from another account', () => {
  it("lets the importing account's tagged roles pull, and nothing else, on every home repository", () => {
    const repos = resourcesOf(home.template, 'AWS::ECR::Repository');
    expect(repos.length).toBeGreaterThan(0);
    for (const [id, r] of repos) {
      const statements = (r.Properties?.RepositoryPolicyText as { Statement?: Statement[] } | undefined)?.Statement;
      expect(statements, id).toHaveLength(1);
      const [s] = statements ?? [];
      expect(JSON.stringify(s.Principal)).toContain('arn:');
      expect(JSON.stringify(s.Principal)).toContain(':iam::210987654321:root');
      expect([...(s.Action ?? [])].sort()).toEqual([
        'ecr:BatchCheckLayerAvailability',
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
      ]);
      expect(s.Condition?.StringEquals).toEqual({
        [`aws:PrincipalTag/${ROLE_TAGS.project}`]: 'shop',
        [`aws:PrincipalTag/${ROLE_TAGS.environment}`]: ['test'],
      });
    }
  });

  it('tags the importing stack roles with the project and environment the policy matches', () => {
    const nodeRoles = resourcesOf(importer.template, 'AWS::IAM::Role').filter(([, r]) =>
      JSON.stringify(r.Properties?.AssumeRolePolicyDocument).includes('ec2.amazonaws.com'),
    );
    expect(nodeRoles.length).toBeGreaterThan(0);
    for (const [, r] of nodeRoles) {
      expect(r.Properties?.Tags).toEqual(
        expect.arrayContaining([
          { Key: ROLE_TAGS.project, Value: 'shop' },
          { Key: ROLE_TAGS.environment, Value: 'test' },
        ]),
      );
    }
  });

  it('creates no repositories in the importer, whose images name the home registry', () => {
    expect(resourcesOf(importer.template, 'AWS::ECR::Repository')).toEqual([]);
    const app = importer.env.apps.find((a) => a.name === 'api');
    if (!app) throw new Error('the example has an api app');
    expect(imageOf(app, importer.env)).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.14.0');
    const deployment = synthesizeApps(importer.env).files.get('api/deployment.yaml');
    expect(deployment).toContain('image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.14.0');
  });

  it('adds no repository policy when every importer shares the home account', async () => {
    const { template } = await synth(variantEnv('prod', () => {}));
    for (const [, r] of resourcesOf(template, 'AWS::ECR::Repository'))
      expect(r.Properties?.RepositoryPolicyText).toBeUndefined();
  });
});

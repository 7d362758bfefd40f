import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { formatPath } from '../../src/util/paths.js';
import { problems } from '../support/config-problems.js';

const config = (home: string, extra = '') => `project: shop
account: "123456789012"
registry: { home: ${home} }
environments:
  test: { preset: test }
  staging:
    preset: test
${extra}
`;

describe('registry.home', () => {
  it('is refused when it names an environment that is not defined, with its place in the file', () => {
    const [issue] = problems(config('qa'));
    expect(formatPath(issue.path)).toBe('registry.home');
    expect(issue.message).toContain('"qa"');
    expect(issue.message).toContain('test, staging');
    expect(issue.location?.line).toBe(3);
  });

  it('is refused when the named environment builds no registry', () => {
    const issues = problems(
      `project: shop\naccount: "123456789012"\nenvironments:\n  a: { preset: test, registry: { home: b } }\n  b: { preset: test, components: { registry: false } }\n`,
    );
    expect(issues.map((i) => formatPath(i.path))).toEqual(['environments.a.registry.home']);
    expect(issues[0].message).toContain('components.registry is off');
  });

  it('is refused when the named environment imports its repositories from a third one', () => {
    const issues = problems(
      `project: shop\naccount: "123456789012"\nenvironments:\n  a: { preset: test, registry: { home: b } }\n  b: { preset: test, registry: { home: c } }\n  c: { preset: test }\n`,
    );
    expect(issues.map((i) => formatPath(i.path))).toEqual(['environments.a.registry.home']);
    expect(issues[0].message).toContain('imports its repositories from "c"');
  });
});

describe('registry.home in another account', () => {
  const crossAccount = (testAccount: string) => `project: shop
account: "123456789012"
environments:
  prod: { preset: prod, alarms: { email: [oncall@example.com] }, gitops: { repoURL: "https://github.com/shop/deploy.git" } }
  test:
    preset: test
    ${testAccount}
    registry: { home: prod }
`;

  it('points the importer at the home registry and lists it as a puller on the home', () => {
    const config = parseConfig(crossAccount('account: "210987654321"'), 'cfg.yaml');
    expect(config.environments.test.registryHome).toMatchObject({
      environment: 'prod',
      account: '123456789012',
      region: 'us-east-1',
    });
    expect(config.environments.prod.registryHome).toMatchObject({
      environment: 'prod',
      importers: ['test'],
      pullers: [{ environment: 'test', account: '210987654321' }],
    });
  });

  it('is refused, at the setting, when one side has no account to pull from or grant to', () => {
    const text = `project: shop
environments:
  prod: { preset: prod, account: "123456789012", alarms: { email: [oncall@example.com] }, gitops: { repoURL: "https://github.com/shop/deploy.git" } }
  test:
    preset: test
    registry: { home: prod }
`;
    const issues = problems(text);
    expect(issues.map((i) => formatPath(i.path))).toEqual(['environments.test.registry.home']);
    expect(issues[0].message).toMatch(/another account/);
    expect(issues[0].message).toMatch(/"test" sets no account/);
    expect(issues[0].location?.line).toBe(6);
  });

  it('keeps repositories per account and region when registry.home is not set', () => {
    const config = parseConfig(
      crossAccount('account: "210987654321"').replace('    registry: { home: prod }\n', ''),
      'cfg.yaml',
    );
    expect(config.environments.test.registryHome).toMatchObject({ environment: 'test', account: '210987654321' });
    expect(config.environments.prod.registryHome?.pullers).toEqual([]);
  });
});

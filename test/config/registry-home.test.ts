import { describe, expect, it } from 'vitest';
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

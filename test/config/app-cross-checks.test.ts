import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { problems } from '../support/config-problems.js';

const base = `project: shop
domain: { name: shop.example.com }
environments:
  test: { preset: test }
  prod:
    preset: prod
    alarms: { email: [oncall@example.com] }
apps:
`;

const web = (extra: string) =>
  `${base}  - name: web
    pattern: web
    image: { repository: shop/web, tag: "1.0.0" }
    port: 8080
${extra}`;

const cron = (extra: string) =>
  `${base}  - name: report
    pattern: cron
    image: { repository: shop/report, tag: "1.0.0" }
${extra}`;

describe('config cross-field checks at load', () => {
  it('refuses a per-environment map keyed by a name that is not an environment, at its line', () => {
    const [issue] = problems(web('    replicas: { test: 2, prd: 3 }\n'));
    expect(issue.path).toEqual(['apps', 0, 'replicas', 'prd']);
    expect(issue.message).toContain('"prd" is not an environment');
    expect(issue.message).toContain('test, prod');
    expect(issue.location).toMatchObject({ file: 'cfg.yaml', line: 13 });
  });

  it('accepts resources given once (requests and limits) and per environment', () => {
    const one = '    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } }\n';
    expect(() => parseConfig(web(one), 'cfg.yaml')).not.toThrow();
    expect(
      problems(
        web('    resources: { prd: { requests: { cpu: 100m, memory: 1Gi }, limits: { cpu: 200m, memory: 1Gi } } }\n'),
      )[0].path,
    ).toEqual(['apps', 0, 'resources', 'prd']);
  });

  it('refuses a cron schedule that is not five cron fields, at its line', () => {
    const [issue] = problems(cron('    schedule: "every night at 2"\n'));
    expect(issue.path).toEqual(['apps', 0, 'schedule']);
    expect(issue.message).toContain('five fields');
    expect(issue.location).toMatchObject({ line: 12 });
  });

  it('refuses a cron field out of range, naming the field and the value', () => {
    const [issue] = problems(cron('    schedule: "0 25 * * *"\n'));
    expect(issue.path).toEqual(['apps', 0, 'schedule']);
    expect(issue.message).toContain('"0 25 * * *" is not a cron schedule: Invalid value for hour: 25');
  });

  it('refuses a schedule that never runs (February 31), which Kubernetes would accept and never run', () => {
    const [issue] = problems(cron('    schedule: "0 0 31 2 *"\n'));
    expect(issue.path).toEqual(['apps', 0, 'schedule']);
    expect(issue.message).toContain('"0 0 31 2 *" never runs');
    expect(() => parseConfig(cron('    schedule: "0 0 29 2 *"\n'), 'cfg.yaml')).not.toThrow();
  });

  it('refuses a time zone that is not in the IANA list, and accepts one that is', () => {
    const [issue] = problems(cron('    schedule: "0 2 * * *"\n    timeZone: Mars/Olympus\n'));
    expect(issue.path).toEqual(['apps', 0, 'timeZone']);
    expect(issue.message).toContain('not an IANA time zone');
    expect(() =>
      parseConfig(cron('    schedule: "0 2 * * *"\n    timeZone: Europe/Berlin\n'), 'cfg.yaml'),
    ).not.toThrow();
    expect(() => parseConfig(cron('    schedule: "@daily"\n'), 'cfg.yaml')).not.toThrow();
  });

  it('refuses a bare host when the environment has no domain, with file:line:column', () => {
    const text = web('    host: api\n').replace('domain: { name: shop.example.com }\n', '');
    const issue = problems(text).find((i) => i.path.join('.') === 'apps.0.host');
    expect(issue?.message).toContain('has no domain.name');
    expect(issue?.location).toMatchObject({ file: 'cfg.yaml', line: 12, column: 11 });
  });
});

describe('image references', () => {
  it('says what is wrong with an image reference', async () => {
    const { imageReferenceProblem } = await import('../../src/config/schema/apps.js');
    expect(imageReferenceProblem('ghcr.io/org/app:1.2.3')).toBeUndefined();
    expect(imageReferenceProblem('nginx')).toContain('no registry or path');
    expect(imageReferenceProblem('ghcr.io/org/app@sha256:abc')).toContain('64 lowercase hex');
    expect(imageReferenceProblem('ghcr.io/org/app:1.2 3')).toContain('whitespace');
    const [issue] = problems(web('').replace('image: { repository: shop/web, tag: "1.0.0" }', 'image: nginx'));
    expect(issue.path).toEqual(['apps', 0, 'image']);
    expect(issue.message).toContain('no registry or path');
  });
});

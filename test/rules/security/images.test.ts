import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/images.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

const ECR = '000000000000.dkr.ecr.us-east-1.amazonaws.com';

function withImage(image: string, extra: Record<string, unknown> = {}) {
  return inventory({ kube: [deployment({ containers: [goodContainer('app', { image, ...extra })] })] });
}

describe('security.images', () => {
  it("passes a version tag from the environment's ECR registry", () => {
    expect(statusOf(run(rule, withImage(`${ECR}/shop/api:1.4.2`)), 'api')).toBe('pass');
  });

  it.each([`${ECR}/shop/api`, `${ECR}/shop/api:latest`])('fails %s in prod and warns in test', (image) => {
    expect(statusOf(run(rule, withImage(image), 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, withImage(image), 'test'), 'api')).toBe('warn');
  });

  it('passes an image pinned by digest only', () => {
    expect(statusOf(run(rule, withImage(`${ECR}/shop/api@sha256:0123abcd`)), 'api')).toBe('pass');
  });

  it('fails imagePullPolicy Never in prod', () => {
    const results = run(rule, withImage(`${ECR}/shop/api:1.4.2`, { imagePullPolicy: 'Never' }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-1)).toEqual(['imagePullPolicy']);
  });

  it('warns about an image from outside the registries, and passes it once its registry is listed', () => {
    const inv = withImage('docker.io/library/postgres:16.4');
    expect(statusOf(run(rule, inv), 'api')).toBe('warn');
    expect(statusOf(run(rule, inv, 'prod', { registries: ['docker.io'] }), 'api')).toBe('pass');
  });

  it('warns about a tag without a digest when digests are required', () => {
    expect(statusOf(run(rule, withImage(`${ECR}/shop/api:1.4.2`), 'prod', { requireDigest: true }), 'api')).toBe(
      'warn',
    );
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/placeholder-account.js';
import { aws, deployment, goodContainer, inventory, kobj, run, statuses, statusOf } from '../helpers.js';

const role = (id: string, account: string) =>
  aws('AWS::IAM::Role', id, {
    Policies: [{ PolicyDocument: { Statement: [{ Resource: `arn:aws:sqs:us-east-1:${account}:orders` }] } }],
  });
const withImage = (image: string) => deployment({ name: 'api', containers: [goodContainer('app', { image })] });

describe('security.placeholder-account', () => {
  it('passes resources and images of a real account', () => {
    const inv = inventory({
      aws: [role('AppRole', '123456789012')],
      kube: [withImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0')],
    });
    expect(statuses(run(rule, inv))).toEqual(['pass']);
  });

  it('fails a policy and an image that name the placeholder account, naming the setting', () => {
    const inv = inventory({
      aws: [role('AppRole', '000000000000')],
      kube: [withImage('000000000000.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0')],
    });
    const results = run(rule, inv);
    expect(statusOf(results, 'AppRole')).toBe('fail');
    expect(statusOf(results, 'api')).toBe('fail');
    for (const r of results) expect(r.message).toContain('set `account`');
  });

  it('skips when the sources hold neither AWS resources nor workloads', () => {
    expect(statuses(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })))).toEqual(['skip']);
  });
});

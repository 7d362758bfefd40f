import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/cloudwatch-addon.js';
import { aws, inventory, kobj, run, statusOf } from '../helpers.js';

const addon = (live?: Record<string, unknown>) =>
  aws('AWS::EKS::Addon', 'CloudWatch', { AddonName: 'amazon-cloudwatch-observability', ClusterName: 'c' }, { live });

describe('observability.cloudwatch-addon', () => {
  it('passes a declared add-on and an ACTIVE live one', () => {
    expect(statusOf(run(rule, inventory({ aws: [addon()] })), 'CloudWatch')).toBe('pass');
    expect(statusOf(run(rule, inventory({ aws: [addon({ status: 'ACTIVE' })] })), 'CloudWatch')).toBe('pass');
  });

  it('fails a live add-on that is DEGRADED', () => {
    expect(statusOf(run(rule, inventory({ aws: [addon({ status: 'DEGRADED' })] })), 'CloudWatch')).toBe('fail');
  });

  it('fails when no add-on is installed', () => {
    const other = aws('AWS::EKS::Addon', 'Cni', { AddonName: 'vpc-cni' });
    expect(run(rule, inventory({ aws: [other] })).map((r) => r.status)).toEqual(['fail']);
  });

  it('is unknown on a manifests-only run', () => {
    expect(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })).map((r) => r.status)).toEqual(['unknown']);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/resource-quotas.js';
import { deployment, inventory, kobj, run, statusOf } from '../helpers.js';

describe('workloads.resource-quotas', () => {
  it('passes a namespace with a ResourceQuota and a LimitRange', () => {
    const kube = [deployment(), kobj('ResourceQuota', 'quota'), kobj('LimitRange', 'limits')];
    expect(statusOf(run(rule, inventory({ kube })), 'shop')).toBe('pass');
  });

  it('warns about a namespace without a LimitRange', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), kobj('ResourceQuota', 'quota')] })), 'shop')).toBe(
      'warn',
    );
  });

  it('ignores system and platform namespaces', () => {
    const kube = [deployment({ namespace: 'kube-system' }), deployment({ name: 'keda', namespace: 'keda' })];
    expect(run(rule, inventory({ kube })).map((r) => r.status)).toEqual(['skip']);
  });
});

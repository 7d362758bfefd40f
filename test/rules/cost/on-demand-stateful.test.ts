import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/cost/on-demand-stateful.js';
import { inventory, run, statefulSet, statusOf } from '../helpers.js';

const required = (key: string, value: string) => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }],
      },
    },
  },
});

describe('cost.on-demand-stateful', () => {
  it('passes a StatefulSet that requires the platform on-demand label', () => {
    const s = statefulSet({ podSpec: required('slipway.io/capacity', 'on-demand') });
    expect(statusOf(run(rule, inventory({ kube: [s] })), 'db')).toBe('pass');
  });

  it('passes a nodeSelector on the EKS capacity type', () => {
    const s = statefulSet({ podSpec: { nodeSelector: { 'eks.amazonaws.com/capacityType': 'ON_DEMAND' } } });
    expect(statusOf(run(rule, inventory({ kube: [s] })), 'db')).toBe('pass');
  });

  it('warns about a StatefulSet that could land on spot', () => {
    expect(statusOf(run(rule, inventory({ kube: [statefulSet()] })), 'db')).toBe('warn');
  });
});

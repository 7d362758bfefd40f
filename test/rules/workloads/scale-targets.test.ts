import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/scale-targets.js';
import { deployment, hpa, inventory, kobj, run, statusOf } from '../helpers.js';

describe('workloads.scale-targets', () => {
  it.each([
    ['passes an HPA whose target exists', [deployment(), hpa('api-hpa', 'api', 3, 6)], 'pass'],
    ['fails an HPA whose target does not exist', [deployment(), hpa('api-hpa', 'apii', 3, 6)], 'fail'],
    [
      'fails a ScaledObject whose default Deployment target does not exist',
      [kobj('ScaledObject', 'api-hpa', { spec: { scaleTargetRef: { name: 'worker' } } })],
      'fail',
    ],
    [
      'is unknown for a target kind the sources may not hold',
      [
        kobj('ScaledObject', 'api-hpa', {
          spec: { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'w' } },
        }),
      ],
      'unknown',
    ],
  ])('%s', (_name, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube })), 'api-hpa')).toBe(expected);
  });
});

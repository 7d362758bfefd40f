import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/pdb-policy.js';
import { deployment, inventory, pdb, run, statuses } from '../helpers.js';

describe('workloads.pdb-policy', () => {
  it('passes a budget that evicts unhealthy pods', () => {
    const p = pdb('api', { app: 'api' }, { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(statuses(run(rule, inventory({ kube: [p] })), 'api')).toEqual(['pass']);
  });

  it('warns when unhealthyPodEvictionPolicy is missing or IfHealthyBudget', () => {
    expect(statuses(run(rule, inventory({ kube: [pdb('api', { app: 'api' })] })), 'api')).toEqual(['warn']);
    const p = pdb('api', { app: 'api' }, { minAvailable: 1, unhealthyPodEvictionPolicy: 'IfHealthyBudget' });
    expect(statuses(run(rule, inventory({ kube: [p] })), 'api')).toEqual(['warn']);
  });

  it.each([
    ['maxUnavailable 0', { maxUnavailable: 0 }, ['warn']],
    ['maxUnavailable 0%', { maxUnavailable: '0%' }, ['warn']],
    ['minAvailable 100%', { minAvailable: '100%' }, ['warn']],
    ['maxUnavailable 1', { maxUnavailable: 1 }, ['pass']],
    ['minAvailable 50%', { minAvailable: '50%' }, ['pass']],
    ['minAvailable 100% beside a maxUnavailable', { minAvailable: '100%', maxUnavailable: 5 }, ['warn']],
  ])('judges a budget of %s on its own, whatever the replicas', (_name, budget, expected) => {
    const p = pdb('api', { app: 'api' }, { ...budget, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(statuses(run(rule, inventory({ kube: [p] })), 'api')).toEqual(expected);
  });

  it('warns about a budget with no policy', () => {
    const p = pdb('api', { app: 'api' }, { unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(statuses(run(rule, inventory({ kube: [p] })), 'api')).toEqual(['warn']);
  });

  it('skips manifests without a budget, and is unknown when no source read any', () => {
    expect(statuses(run(rule, inventory({ kube: [deployment()] })))).toEqual(['skip']);
    expect(statuses(run(rule, inventory({ kube: [] })))).toEqual(['unknown']);
  });
});

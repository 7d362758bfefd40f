import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/pdb.js';
import { deployment, hpa, inventory, pdb, run, statusOf } from '../helpers.js';

describe('reliability.pdb', () => {
  it('passes a multi-replica Deployment with a PDB that matches its pod labels', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), pdb('api', { app: 'api' })] })), 'api')).toBe('pass');
  });

  it('fails a multi-replica Deployment without a PDB', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('fail');
  });

  it('fails when the only PDB selects other labels, and warns about that PDB', () => {
    const results = run(rule, inventory({ kube: [deployment(), pdb('other', { app: 'web' })] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(statusOf(results, 'other')).toBe('warn');
  });

  it('warns when the PDB allows no eviction at all', () => {
    const results = run(
      rule,
      inventory({ kube: [deployment(), pdb('api-pdb', { app: 'api' }, { maxUnavailable: 0 })] }),
    );
    expect(statusOf(results, 'api-pdb')).toBe('warn');
  });

  it('skips a single-replica Deployment, but not one an HPA scales out', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment({ replicas: 1 })] })), 'api')).toBe('skip');
    expect(
      statusOf(run(rule, inventory({ kube: [deployment({ replicas: 1 }), hpa('api', 'api', 1, 4)] })), 'api'),
    ).toBe('fail');
  });

  it('is unknown when PodDisruptionBudgets could not be read', () => {
    const results = run(
      rule,
      inventory({
        kube: [deployment()],
        mode: 'live',
        kubeKinds: ['Deployment'],
        kubeDenied: { PodDisruptionBudget: '403' },
      }),
    );
    expect(results.map((r) => r.status)).toEqual(['unknown']);
  });
});

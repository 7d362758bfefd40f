import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/pdb-policy.js';
import { deployment, inventory, kobj, type Obj, pdb, run, statuses } from '../helpers.js';

const GOOD = { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' };

describe('workloads.pdb-policy', () => {
  it('passes a budget that selects pods and evicts unhealthy pods', () => {
    const p = pdb('api', { app: 'api' }, GOOD);
    expect(statuses(run(rule, inventory({ kube: [deployment(), p] })), 'api')).toEqual(['pass']);
  });

  it('warns when unhealthyPodEvictionPolicy is missing or IfHealthyBudget', () => {
    expect(statuses(run(rule, inventory({ kube: [deployment(), pdb('api', { app: 'api' })] })), 'api')).toEqual([
      'warn',
    ]);
    const p = pdb('api', { app: 'api' }, { minAvailable: 1, unhealthyPodEvictionPolicy: 'IfHealthyBudget' });
    expect(statuses(run(rule, inventory({ kube: [deployment(), p] })), 'api')).toEqual(['warn']);
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
    expect(statuses(run(rule, inventory({ kube: [deployment(), p] })), 'api')).toEqual(expected);
  });

  it('warns about a budget with no policy', () => {
    const p = pdb('api', { app: 'api' }, { unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(statuses(run(rule, inventory({ kube: [deployment(), p] })), 'api')).toEqual(['warn']);
  });

  const prometheus = kobj('Prometheus', 'k8s', { apiVersion: 'monitoring.coreos.com/v1', spec: { replicas: 2 } });
  const unknownCr = kobj('Database', 'orders', { apiVersion: 'db.example.com/v1', spec: {} });
  it.each<[string, Obj[], Obj, string]>([
    ['selects a Deployment', [deployment()], pdb('b', { app: 'api' }, GOOD), 'pass'],
    ['selects nothing (a label typo)', [deployment()], pdb('b', { app: 'apii' }, GOOD), 'fail'],
    [
      'selects pods only in another namespace',
      [deployment({ namespace: 'other' })],
      pdb('b', { app: 'api' }, GOOD),
      'fail',
    ],
    [
      'selects the pods a Prometheus runs',
      [prometheus],
      pdb('b', { 'app.kubernetes.io/name': 'prometheus' }, GOOD),
      'pass',
    ],
    [
      'selects nothing known beside an unknown custom resource',
      [unknownCr],
      pdb('b', { app: 'orders' }, GOOD),
      'unknown',
    ],
  ])('a budget that %s: %s', (_, others, budget, expected) => {
    const results = run(rule, inventory({ kube: [...others, budget] }));
    expect(statuses(results, 'b')).toContain(expected);
    if (expected !== 'pass') expect(statuses(results, 'b')).not.toContain('pass');
  });

  it('points a budget that selects nothing at its selector', () => {
    const results = run(rule, inventory({ kube: [deployment(), pdb('b', { app: 'apii' }, GOOD)] }));
    expect(results.find((r) => r.status === 'fail')?.path).toEqual(['spec', 'selector']);
  });

  it('skips manifests without a budget, and is unknown when no source read any', () => {
    expect(statuses(run(rule, inventory({ kube: [deployment()] })))).toEqual(['skip']);
    expect(statuses(run(rule, inventory({ kube: [] })))).toEqual(['unknown']);
  });
});

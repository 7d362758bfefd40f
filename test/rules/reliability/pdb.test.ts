import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/pdb.js';
import { deployment, hpa, inventory, kobj, type Obj, pdb, run, statusOf } from '../helpers.js';

describe('reliability.pdb', () => {
  it('passes a multi-replica Deployment with a PDB that matches its pod labels', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), pdb('api', { app: 'api' })] })), 'api')).toBe('pass');
  });

  it('fails a multi-replica Deployment without a PDB', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('fail');
  });

  it('fails when the only PDB selects other labels (the budget itself is judged by workloads.pdb-policy)', () => {
    const results = run(rule, inventory({ kube: [deployment(), pdb('other', { app: 'web' })] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(statusOf(results, 'other')).toBeUndefined();
  });

  const placeholder = (priorityClassName: string) =>
    deployment({ name: 'overprovisioning', podSpec: { priorityClassName } });
  const priorityClass = (name: string, value: number) =>
    kobj('PriorityClass', name, { apiVersion: 'scheduling.k8s.io/v1', value }, '');
  it.each<[string, Obj[], string]>([
    [
      'a PriorityClass with a negative value',
      [placeholder('overprovisioning'), priorityClass('overprovisioning', -10)],
      'skip',
    ],
    ['a PriorityClass with value 0', [placeholder('batch'), priorityClass('batch', 0)], 'fail'],
    ['a PriorityClass not in the sources', [placeholder('missing')], 'fail'],
    ['spec.priority below zero', [deployment({ name: 'overprovisioning', podSpec: { priority: -1 } })], 'skip'],
  ])('an unbudgeted multi-replica Deployment whose pods run at %s: %s', (_, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube })), 'overprovisioning')).toBe(expected);
  });

  it('says why a placeholder needs no budget', () => {
    const kube = [placeholder('overprovisioning'), priorityClass('overprovisioning', -10)];
    const [r] = run(rule, inventory({ kube }));
    expect(r.message).toContain('PriorityClass overprovisioning (value -10)');
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

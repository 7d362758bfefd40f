import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/upgrade/deprecated-apis.js';
import { deployment, inventory, run, statusOf } from '../helpers.js';

const obj = (apiVersion: string, kind: string, name: string) => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'shop' },
  spec: {},
});

describe('upgrade.deprecated-apis', () => {
  it.each([
    ['policy/v1beta1', 'PodDisruptionBudget'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
    ['batch/v1beta1', 'CronJob'],
    ['extensions/v1beta1', 'Ingress'],
  ])('fails %s %s on 1.34', (apiVersion, kind) => {
    const results = run(rule, inventory({ kube: [obj(apiVersion, kind, 'old')] }));
    expect(statusOf(results, 'old')).toBe('fail');
    expect(results[0].path).toEqual(['apiVersion']);
  });

  it('warns about an API removed by the next upgrade', () => {
    const results = run(
      rule,
      inventory({ kube: [obj('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'fs')] }),
      'prod',
      {
        targetVersion: '1.31',
      },
    );
    expect(statusOf(results, 'fs')).toBe('warn');
  });

  it('passes current API versions with one result', () => {
    expect(run(rule, inventory({ kube: [deployment()] })).map((r) => r.status)).toEqual(['pass']);
  });
});

describe('upgrade.deprecated-apis reads the removed-API table', () => {
  it.each([
    ['apps/v1beta2', 'StatefulSet'],
    ['authorization.k8s.io/v1beta1', 'SubjectAccessReview'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity'],
  ])('fails %s %s, an entry of the table', (apiVersion, kind) => {
    const results = run(rule, inventory({ kube: [obj(apiVersion, kind, 'old')] }));
    expect(results.map((r) => r.status)).toEqual(['fail']);
    expect(statusOf(results, 'old')).toBe('fail');
  });

  it('passes a kind in a removed group version that the table does not list for it', () => {
    const results = run(rule, inventory({ kube: [obj('networking.k8s.io/v1beta1', 'NetworkPolicy', 'np')] }));
    expect(results.map((r) => r.status)).toEqual(['pass']);
  });
});

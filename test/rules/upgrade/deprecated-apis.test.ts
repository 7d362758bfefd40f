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

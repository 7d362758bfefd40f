import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/service-targets.js';
import { deployment, inventory, kobj, run, service, statusOf } from '../helpers.js';

describe('workloads.service-targets', () => {
  it.each([
    ['passes a Service whose selector picks a Deployment', [deployment(), service('api', { app: 'api' })], 'pass'],
    ['fails a Service whose selector has a typo', [deployment(), service('api', { app: 'apii' })], 'fail'],
    [
      'fails a Service selecting pods of another namespace',
      [deployment({ namespace: 'other' }), service('api', { app: 'api' })],
      'fail',
    ],
    [
      'passes a Service for the pods of a Prometheus custom resource',
      [
        kobj('Prometheus', 'k8s', { apiVersion: 'monitoring.coreos.com/v1', spec: {} }),
        service('api', { prometheus: 'k8s' }),
      ],
      'pass',
    ],
    [
      'passes a Service for the pods of an Argo Rollout',
      [
        kobj('Rollout', 'web', {
          apiVersion: 'argoproj.io/v1alpha1',
          spec: { template: { metadata: { labels: { app: 'api' } } } },
        }),
        service('api', { app: 'api' }),
      ],
      'pass',
    ],
    [
      'passes a Service for the pods of an OpenShift DeploymentConfig',
      [
        kobj('DeploymentConfig', 'web', {
          apiVersion: 'apps.openshift.io/v1',
          spec: { template: { metadata: { labels: { app: 'api' } } } },
        }),
        service('api', { app: 'api' }),
      ],
      'pass',
    ],
    [
      'is unknown when only a custom resource of an unknown kind could run the pods',
      [kobj('Workflow', 'w', { apiVersion: 'argoproj.io/v1alpha1' }), service('api', { app: 'api' })],
      'unknown',
    ],
    [
      'still fails when the namespace holds only custom resources that run no pods',
      [kobj('ExternalSecret', 'db'), service('api', { app: 'api' })],
      'fail',
    ],
  ])('%s', (_name, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube })), 'api')).toBe(expected);
  });

  it('passes a Service that selects pods owned by an operator StatefulSet (live)', () => {
    const sts = kobj('StatefulSet', 'prometheus-k8s', {
      metadata: { ownerReferences: [{ kind: 'Prometheus', name: 'k8s', controller: true }] },
      spec: { template: { metadata: { labels: { prometheus: 'k8s' } }, spec: { containers: [] } } },
    });
    expect(statusOf(run(rule, inventory({ kube: [sts, service('api', { prometheus: 'k8s' })] })), 'api')).toBe('pass');
  });

  it('skips a Service without a selector and ignores ExternalName Services', () => {
    const manual = kobj('Service', 'manual', { spec: { ports: [{ port: 80 }] } });
    const ext = kobj('Service', 'ext', { spec: { type: 'ExternalName', externalName: 'example.com' } });
    const results = run(rule, inventory({ kube: [manual, ext] }));
    expect(statusOf(results, 'manual')).toBe('skip');
    expect(statusOf(results, 'ext')).toBeUndefined();
  });
});

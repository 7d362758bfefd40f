import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/ingress-backends.js';
import { inventory, kobj, run, service, statusOf } from '../helpers.js';

const ingress = (name: string, port: object) =>
  kobj('Ingress', 'web', {
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port } } }] } }] },
  });

const legacy = (apiVersion: string, backend: object) => ({
  ...kobj('Ingress', 'web', { spec: { rules: [{ http: { paths: [{ path: '/', backend }] } }] } }),
  apiVersion,
});

describe('workloads.ingress-backends', () => {
  it.each([
    ['passes a backend on an existing Service port number', ingress('api', { number: 80 }), 'pass'],
    ['passes a backend on an existing Service port name', ingress('api', { name: 'http' }), 'pass'],
    ['fails a backend Service that does not exist', ingress('apii', { number: 80 }), 'fail'],
    ['fails a backend port the Service does not have', ingress('api', { number: 8080 }), 'fail'],
    ['fails a backend port name the Service does not have', ingress('api', { name: 'web' }), 'fail'],
  ])('%s', (_name, ing, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [service('api', { app: 'api' }), ing] })), 'web')).toBe(expected);
  });

  it('is unknown when a live source did not read Services', () => {
    const results = run(
      rule,
      inventory({ kube: [ingress('api', { number: 80 })], mode: 'live', kubeKinds: ['Ingress'] }),
    );
    expect(results.map((r) => r.status)).toEqual(['unknown']);
  });

  it('finds a Service in default for an Ingress that names no namespace', () => {
    const ing = ingress('api', { number: 80 });
    delete (ing.metadata as { namespace?: string }).namespace;
    const svc = service('api', { app: 'api' }, { namespace: 'default' });
    expect(statusOf(run(rule, inventory({ kube: [svc, ing] })), 'web')).toBe('pass');
  });

  it.each([
    ['reads serviceName/servicePort of extensions/v1beta1', 'extensions/v1beta1', 'api', 80, 'pass'],
    ['fails a missing serviceName of networking.k8s.io/v1beta1', 'networking.k8s.io/v1beta1', 'apii', 80, 'fail'],
    ['fails a servicePort name the Service lacks in v1beta1', 'extensions/v1beta1', 'api', 'web', 'fail'],
    ['fails v1beta1 fields in a v1 Ingress, which the API server refuses', 'networking.k8s.io/v1', 'api', 80, 'fail'],
  ])('%s', (_name, apiVersion, serviceName, servicePort, expected) => {
    const ing = legacy(apiVersion, { serviceName, servicePort });
    expect(statusOf(run(rule, inventory({ kube: [service('api', { app: 'api' }), ing] })), 'web')).toBe(expected);
  });

  it('fails a backend that names neither a Service nor a resource, and skips resource backends', () => {
    const none = legacy('networking.k8s.io/v1', {});
    expect(statusOf(run(rule, inventory({ kube: [service('api', { app: 'api' }), none] })), 'web')).toBe('fail');
    const resource = legacy('networking.k8s.io/v1', {
      resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'b' },
    });
    expect(run(rule, inventory({ kube: [service('api', { app: 'api' }), resource] })).map((r) => r.status)).toEqual([
      'skip',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/ingress-backends.js';
import { inventory, kobj, run, service, statusOf } from '../helpers.js';

const ingress = (name: string, port: object) =>
  kobj('Ingress', 'web', {
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port } } }] } }] },
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
});

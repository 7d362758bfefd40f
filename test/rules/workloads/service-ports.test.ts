import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/service-ports.js';
import { deployment, goodContainer, inventory, run, service, statusOf } from '../helpers.js';

const svc = (targetPort: string | number | undefined, port = 80) => {
  const s = service('api', { app: 'api' });
  (s.spec as { ports: object[] }).ports = [{ name: 'http', port, ...(targetPort === undefined ? {} : { targetPort }) }];
  return s;
};

describe('workloads.service-ports', () => {
  it.each([
    ['passes a named targetPort the container declares', svc('http'), 'pass'],
    ['passes a numeric targetPort the container declares', svc(8080), 'pass'],
    ['passes an omitted targetPort equal to a declared port', svc(undefined, 8080), 'pass'],
    ['fails a named targetPort no container declares', svc('web'), 'fail'],
    ['fails a numeric targetPort no container declares', svc(3000), 'fail'],
  ])('%s', (_name, s, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), s] })), 'api')).toBe(expected);
  });

  it('warns when the selected containers declare no ports', () => {
    const d = deployment({ containers: [goodContainer('app', { ports: undefined })] });
    expect(statusOf(run(rule, inventory({ kube: [d, svc(3000)] })), 'api')).toBe('warn');
  });

  it('leaves Services that select nothing to the targets rule', () => {
    expect(run(rule, inventory({ kube: [svc('web')] })).map((r) => r.status)).toEqual(['skip']);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/https-only.js';
import { readsPerObject } from '../../support/counting.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const A = 'alb.ingress.kubernetes.io/';
const rules = [
  {
    host: 'shop.example.com',
    http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] },
  },
];
const ingress = (name: string, annotations: Record<string, string>, spec: Record<string, unknown> = {}) =>
  kobj('Ingress', name, { metadata: { annotations }, spec: { ingressClassName: 'alb', rules, ...spec } });

describe('security.https-only', () => {
  it('passes the ALB way: certificate-arn, HTTP+HTTPS listeners and ssl-redirect (no spec.tls needed)', () => {
    const ing = ingress('web', {
      [`${A}certificate-arn`]: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      [`${A}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
      [`${A}ssl-redirect`]: '443',
    });
    expect(statusOf(run(rule, inventory({ kube: [ing] })), 'web')).toBe('pass');
  });

  it('passes an ALB with certificate discovery from the rule host and HTTPS only', () => {
    const ing = ingress('web', { [`${A}listen-ports`]: '[{"HTTPS": 443}]' });
    expect(statusOf(run(rule, inventory({ kube: [ing] })), 'web')).toBe('pass');
  });

  it('passes a certificate-arn with the default listeners (HTTPS only)', () => {
    const ing = ingress('web', { [`${A}certificate-arn`]: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' });
    expect(statusOf(run(rule, inventory({ kube: [ing] })), 'web')).toBe('pass');
  });

  it('fails an HTTP-only ALB ingress', () => {
    expect(
      statusOf(run(rule, inventory({ kube: [ingress('web', { [`${A}scheme`]: 'internet-facing' })] })), 'web'),
    ).toBe('fail');
  });

  it('fails an ALB with HTTP and HTTPS listeners but no redirect', () => {
    const ing = ingress('web', {
      [`${A}certificate-arn`]: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      [`${A}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
    });
    expect(statusOf(run(rule, inventory({ kube: [ing] })), 'web')).toBe('fail');
  });

  it('takes ssl-redirect from another Ingress of the same group', () => {
    const group = { [`${A}group.name`]: 'shop' };
    const a = ingress('web', {
      ...group,
      [`${A}certificate-arn`]: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      [`${A}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
    });
    const b = ingress('api', {
      ...group,
      [`${A}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
      [`${A}ssl-redirect`]: '443',
    });
    expect(statusOf(run(rule, inventory({ kube: [a, b] })), 'web')).toBe('pass');
  });

  it('passes an nginx ingress with spec.tls and fails one without', () => {
    const tls = kobj('Ingress', 'tls', {
      spec: { ingressClassName: 'nginx', rules, tls: [{ hosts: ['shop.example.com'], secretName: 'c' }] },
    });
    const plain = kobj('Ingress', 'plain', { spec: { ingressClassName: 'nginx', rules } });
    const results = run(rule, inventory({ kube: [tls, plain] }));
    expect(statusOf(results, 'tls')).toBe('pass');
    expect(statusOf(results, 'plain')).toBe('fail');
  });

  it('skips when there is no Ingress', () => {
    expect(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })).map((r) => r.status)).toEqual(['skip']);
  });
});

describe('security.https-only on one ALB group of thousands of Ingresses', () => {
  const group = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      ingress(`web-${i}`, {
        [`${A}group.name`]: 'shop',
        [`${A}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
        // One member carries the group's certificate and redirect, as the ingress generator does.
        ...(i === n - 1 ? { [`${A}certificate-arn`]: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } : {}),
        ...(i === n - 1 ? { [`${A}ssl-redirect`]: '443' } : {}),
      }),
    );

  it('reads each Ingress a bounded number of times, for 500 members as for 5,000', () => {
    const statuses = new Set<string>();
    const [small, large] = readsPerObject(
      group,
      (objects) => {
        for (const r of run(rule, inventory({ kube: objects }))) statuses.add(r.status);
      },
      [500, 5000],
    );
    expect([...statuses]).toEqual(['pass']);
    expect(large).toBeLessThan(small * 1.1);
    expect(large).toBeLessThan(60);
  });
});

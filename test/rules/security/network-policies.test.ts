import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/network-policies.js';
import { deployment, inventory, kobj, run, service, statusOf } from '../helpers.js';

const denyAll = kobj('NetworkPolicy', 'default-deny', {
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});
const allowApi = kobj('NetworkPolicy', 'api', {
  spec: {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: {} }] }],
  },
});

describe('security.network-policies', () => {
  it('passes a namespace with a default-deny and a workload with its own allow policy', () => {
    const results = run(rule, inventory({ kube: [deployment(), service('api', { app: 'api' }), denyAll, allowApi] }));
    expect(statusOf(results, 'shop')).toBe('pass');
    expect(statusOf(results, 'api')).toBe('pass');
  });

  it('fails a namespace without a default-deny and a workload no policy selects', () => {
    const results = run(rule, inventory({ kube: [deployment()] }));
    expect(statusOf(results, 'shop')).toBe('fail');
    expect(statusOf(results, 'api')).toBe('fail');
  });

  it('does not count a policy that allows all ingress as default-deny', () => {
    const allowAll = kobj('NetworkPolicy', 'allow-all', { spec: { podSelector: {}, ingress: [{}] } });
    expect(statusOf(run(rule, inventory({ kube: [deployment(), allowAll] })), 'shop')).toBe('fail');
  });

  it('warns about a served workload only the default-deny selects', () => {
    const results = run(rule, inventory({ kube: [deployment(), service('api', { app: 'api' }), denyAll] }));
    expect(statusOf(results, 'api')).toBe('warn');
  });

  it.each([
    ['an Egress-only policy of its own', { podSelector: { matchLabels: { app: 'api' } }, egress: [{}] }],
    ['a namespace-wide Egress-only deny', { podSelector: {} }],
  ])('fails a workload that only %s selects: its ingress is open', (_, spec) => {
    const egressOnly = kobj('NetworkPolicy', 'egress', { spec: { ...spec, policyTypes: ['Egress'] } });
    const results = run(rule, inventory({ kube: [deployment(), egressOnly] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(statusOf(results, 'shop')).toBe('fail');
  });

  it('passes a workload an Egress policy and a policy without policyTypes (Ingress, then) select', () => {
    const egressOnly = kobj('NetworkPolicy', 'egress', {
      spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{}] },
    });
    const untyped = kobj('NetworkPolicy', 'from-web', {
      spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: {} }] }] },
    });
    expect(statusOf(run(rule, inventory({ kube: [deployment(), egressOnly, untyped, denyAll] })), 'api')).toBe('pass');
  });

  it('warns about a served workload that the default-deny and an Egress policy select: nothing may reach it', () => {
    const egressOnly = kobj('NetworkPolicy', 'egress', {
      spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{}] },
    });
    const results = run(rule, inventory({ kube: [deployment(), service('api', { app: 'api' }), denyAll, egressOnly] }));
    expect(statusOf(results, 'api')).toBe('warn');
  });

  it('ignores kube-system', () => {
    const results = run(rule, inventory({ kube: [deployment({ namespace: 'kube-system' })] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });
});

describe('security.network-policies on the host network', () => {
  it('fails a host-network workload even when policies select it: they do not apply to it', () => {
    const d = deployment({ podSpec: { hostNetwork: true } });
    const results = run(rule, inventory({ kube: [d, denyAll, allowApi] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results.find((r) => 'name' in r.subject && r.subject.name === 'api')?.path?.slice(-1)).toEqual([
      'hostNetwork',
    ]);
  });

  it('can make a host-network workload a warning', () => {
    const d = deployment({ podSpec: { hostNetwork: true } });
    expect(statusOf(run(rule, inventory({ kube: [d, denyAll] }), 'prod', { hostNetwork: 'warn' }), 'api')).toBe('warn');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/network-policy-targets.js';
import { deployment, inventory, kobj, run, statusOf } from '../helpers.js';

const policy = (podSelector: object, from?: object[]) =>
  kobj('NetworkPolicy', 'np', { spec: { podSelector, ...(from ? { ingress: [{ from }] } : {}) } });

describe('security.network-policy-targets', () => {
  it.each([
    ['passes a policy selecting a workload', policy({ matchLabels: { app: 'api' } }), 'pass'],
    ['passes an empty podSelector', policy({}), 'pass'],
    ['fails a policy selecting nothing', policy({ matchLabels: { app: 'web' } }), 'fail'],
    ['passes a peer selecting a workload', policy({}, [{ podSelector: { matchLabels: { app: 'api' } } }]), 'pass'],
    ['fails a peer selecting nothing', policy({}, [{ podSelector: { matchLabels: { app: 'web' } } }]), 'fail'],
    [
      'does not judge a peer in other namespaces',
      policy({}, [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }]),
      'pass',
    ],
  ])('%s', (_name, np, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), np] })), 'np')).toBe(expected);
  });
});

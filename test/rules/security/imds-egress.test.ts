import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/imds-egress.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const policy = (egress: object[]) =>
  kobj('NetworkPolicy', 'np', { spec: { podSelector: {}, policyTypes: ['Egress'], egress } });

describe('security.imds-egress', () => {
  it.each([
    ['fails 0.0.0.0/0 without an except', [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }], 'fail'],
    ['fails a link-local block', [{ to: [{ ipBlock: { cidr: '169.254.0.0/16' } }] }], 'fail'],
    ['fails an egress rule open to every destination', [{ ports: [{ port: 80 }] }], 'fail'],
    [
      'passes 0.0.0.0/0 with the metadata address excepted',
      [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }],
      'pass',
    ],
    ['passes 0.0.0.0/0 on HTTPS only', [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }], 'pass'],
    [
      'fails 0.0.0.0/0 on a port range covering 80',
      [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 1, endPort: 1024 }] }],
      'fail',
    ],
    ['passes a VPC block', [{ to: [{ ipBlock: { cidr: '10.0.0.0/16' } }] }], 'pass'],
    ['passes egress to pods only', [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }], 'pass'],
    ['passes a policy that allows no egress', [], 'pass'],
  ])('%s', (_name, egress, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [policy(egress)] })), 'np')).toBe(expected);
  });

  it('points at the ipBlock that lets the address through', () => {
    const [r] = run(
      rule,
      inventory({ kube: [policy([{ to: [{ podSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }] }])] }),
    );
    expect(r.path).toEqual(['spec', 'egress', 0, 'to', 1, 'ipBlock']);
  });
});

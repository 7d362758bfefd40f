import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/service-accounts.js';
import { readsPerObject } from '../../support/counting.js';
import { aws, deployment, inventory, kobj, run, statuses, statusOf } from '../helpers.js';

const apiAccount = kobj('ServiceAccount', 'api');
const ownAccount = { serviceAccountName: 'api', automountServiceAccountToken: false };

describe('security.service-accounts', () => {
  it('passes its own existing ServiceAccount without a token', () => {
    const inv = inventory({ kube: [deployment({ podSpec: ownAccount }), apiAccount] });
    expect(statuses(run(rule, inv), 'api')).toEqual(['pass']);
  });

  it('fails the default ServiceAccount with a token in prod and warns in test', () => {
    const inv = inventory({ kube: [deployment(), apiAccount] });
    expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('warn');
  });

  it('warns about the default ServiceAccount without a token', () => {
    const inv = inventory({ kube: [deployment({ podSpec: { automountServiceAccountToken: false } }), apiAccount] });
    expect(statuses(run(rule, inv), 'api')).toEqual(['warn']);
  });

  it('fails a ServiceAccount that the sources do not hold, when they hold others', () => {
    const inv = inventory({
      kube: [deployment({ podSpec: { ...ownAccount, serviceAccountName: 'gone' } }), apiAccount],
    });
    expect(statuses(run(rule, inv), 'api')).toEqual(['fail']);
  });

  it('finds a ServiceAccount without a namespace beside a workload in default, as kubectl applies both', () => {
    const bare = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api' } };
    const inDefault = deployment({ namespace: 'default', podSpec: ownAccount });
    expect(statuses(run(rule, inventory({ kube: [inDefault, bare] })), 'api')).toEqual(['pass']);
    const elsewhere = deployment({ namespace: 'shop', podSpec: ownAccount });
    expect(statuses(run(rule, inventory({ kube: [elsewhere, bare] })), 'api')).toEqual(['fail']);
  });

  it('is unknown when the sources hold no ServiceAccounts at all', () => {
    const inv = inventory({ kube: [deployment({ podSpec: ownAccount })] });
    expect(statuses(run(rule, inv), 'api')).toEqual(['unknown']);
  });

  it('warns about a token nothing uses, set on the ServiceAccount or left at the default', () => {
    const inv = inventory({ kube: [deployment({ podSpec: { serviceAccountName: 'api' } }), apiAccount] });
    const results = run(rule, inv);
    expect(statuses(results, 'api')).toEqual(['warn']);
    expect(results[0].path?.slice(-1)).toEqual(['automountServiceAccountToken']);
    const off = kobj('ServiceAccount', 'api', { automountServiceAccountToken: false });
    expect(
      statuses(run(rule, inventory({ kube: [deployment({ podSpec: { serviceAccountName: 'api' } }), off] })), 'api'),
    ).toEqual(['pass']);
  });

  it('passes a mounted token that a RoleBinding or a Pod Identity association uses', () => {
    const podSpec = { serviceAccountName: 'api' };
    const binding = kobj('RoleBinding', 'api', {
      roleRef: { kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'api' }],
    });
    expect(statuses(run(rule, inventory({ kube: [deployment({ podSpec }), apiAccount, binding] })), 'api')).toEqual([
      'pass',
    ]);
    const association = aws('AWS::EKS::PodIdentityAssociation', 'Assoc', { Namespace: 'shop', ServiceAccount: 'api' });
    const inv = inventory({ kube: [deployment({ podSpec }), apiAccount], aws: [association] });
    expect(statuses(run(rule, inv), 'api')).toEqual(['pass']);
  });
});

describe('security.service-accounts at scale', () => {
  // n workloads, each with its own ServiceAccount, bound by a ClusterRoleBinding of its own.
  const fleet = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      deployment({ name: `app-${i}`, podSpec: { serviceAccountName: `app-${i}` } }),
      kobj('ServiceAccount', `app-${i}`),
      kobj(
        'ClusterRoleBinding',
        `app-${i}`,
        {
          roleRef: { kind: 'ClusterRole', name: 'reader' },
          subjects: [{ kind: 'ServiceAccount', name: `app-${i}`, namespace: 'shop' }],
        },
        undefined,
      ),
    ]).flat();

  it('reads each binding once per run, not once per workload, for 300 workloads as for 3,000', () => {
    const seen = new Set<string>();
    const [small, large] = readsPerObject(
      fleet,
      (objects) => {
        for (const r of run(rule, inventory({ kube: objects }))) seen.add(r.status);
      },
      [300, 3000],
    );
    expect([...seen]).toEqual(['pass']);
    expect(large).toBeLessThan(small * 1.1);
  });

  it('counts a RoleBinding in another namespace that names the account with its namespace', () => {
    const binding = kobj(
      'RoleBinding',
      'reads-config',
      {
        roleRef: { kind: 'Role', name: 'reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'api', namespace: 'shop' }],
      },
      'config',
    );
    const podSpec = { serviceAccountName: 'api' };
    expect(statuses(run(rule, inventory({ kube: [deployment({ podSpec }), apiAccount, binding] })), 'api')).toEqual([
      'pass',
    ]);
  });
});

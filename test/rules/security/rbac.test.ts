import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/rbac.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const crb = (name: string, role: string, subjects: unknown[]) =>
  kobj(
    'ClusterRoleBinding',
    name,
    { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects },
    undefined,
  );

describe('security.rbac', () => {
  it('fails cluster-admin bound to system:authenticated', () => {
    const b = crb('everyone-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:authenticated' }]);
    const results = run(rule, inventory({ kube: [b] }));
    expect(statusOf(results, 'everyone-admin')).toBe('fail');
    expect(results[0].path).toEqual(['subjects', 0]);
  });

  it('fails cluster-admin bound to a ServiceAccount', () => {
    const b = crb('ci', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }]);
    expect(statusOf(run(rule, inventory({ kube: [b] })), 'ci')).toBe('fail');
  });

  it('passes the default system binding of system:authenticated to system:basic-user', () => {
    const b = crb('system:basic-user', 'system:basic-user', [{ kind: 'Group', name: 'system:authenticated' }]);
    (b.metadata as { labels?: object }).labels = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
    const named = crb('readers', 'view', [{ kind: 'Group', name: 'shop-readers' }]);
    const results = run(rule, inventory({ kube: [b, named] }));
    expect(statusOf(results, 'system:basic-user')).toBeUndefined();
    expect(statusOf(results, 'readers')).toBe('pass');
  });

  it('fails a Role with wildcard verbs and passes a scoped one', () => {
    const wild = kobj('Role', 'wild', { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['*'] }] });
    const scoped = kobj('Role', 'scoped', {
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    });
    const results = run(rule, inventory({ kube: [wild, scoped] }));
    expect(statusOf(results, 'wild')).toBe('fail');
    expect(statusOf(results, 'scoped')).toBe('pass');
  });

  it('does not judge built-in and system ClusterRoles', () => {
    const admin = kobj(
      'ClusterRole',
      'cluster-admin',
      { rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] },
      undefined,
    );
    const sys = kobj(
      'ClusterRole',
      'system:controller:x',
      {
        metadata: { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      },
      undefined,
    );
    expect(run(rule, inventory({ kube: [admin, sys] }))).toEqual([]);
  });

  it('skips when the sources hold no RBAC objects', () => {
    expect(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })).map((r) => r.status)).toEqual(['skip']);
  });

  it('fails cluster-admin bound to a named group', () => {
    const b = crb('ops-admin', 'cluster-admin', [{ kind: 'Group', name: 'ops' }]);
    expect(statusOf(run(rule, inventory({ kube: [b] })), 'ops-admin')).toBe('fail');
  });

  it('judges a wildcard ClusterRole the user named system:', () => {
    const mine = kobj(
      'ClusterRole',
      'system:mine',
      { rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }] },
      undefined,
    );
    expect(statusOf(run(rule, inventory({ kube: [mine] })), 'system:mine')).toBe('fail');
  });

  it.each([
    ["a wildcard verb on an operator's own CRDs warns", ['monitoring.coreos.com'], ['prometheuses'], ['*'], 'warn'],
    ['wildcards confined to metrics.k8s.io warn', ['metrics.k8s.io'], ['*'], ['*'], 'warn'],
    ['a wildcard verb on core resources fails', [''], ['secrets'], ['*'], 'fail'],
    ['a wildcard verb reaching apps beside a CRD group fails', ['apps', 'example.com'], ['deployments'], ['*'], 'fail'],
    ['a wildcard API group fails', ['*'], ['widgets'], ['get'], 'fail'],
  ])('%s', (_name, apiGroups, resources, verbs, expected) => {
    const role = kobj('ClusterRole', 'op', { rules: [{ apiGroups, resources, verbs }] }, undefined);
    expect(statusOf(run(rule, inventory({ kube: [role] })), 'op')).toBe(expected);
  });
});

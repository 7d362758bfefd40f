import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/rbac-permissions.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const role = (name: string, rules: object[], labels?: Record<string, string>) =>
  kobj('ClusterRole', name, { metadata: labels ? { labels } : {}, rules }, undefined);
const bind = (roleName: string) =>
  kobj(
    'ClusterRoleBinding',
    `${roleName}-binding`,
    { roleRef: { kind: 'ClusterRole', name: roleName }, subjects: [{ kind: 'Group', name: 'devs' }] },
    undefined,
  );

describe('security.rbac-permissions', () => {
  it.each([
    ['fails a bound role that reads Secrets', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], 'fail'],
    ['fails a bound role that creates pods', [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }], 'fail'],
    ['fails a bound role with exec', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }], 'fail'],
    [
      'fails a bound role that can impersonate',
      [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'] }],
      'fail',
    ],
    [
      'fails a bound role with a wildcard verb on secrets',
      [{ apiGroups: [''], resources: ['secrets'], verbs: ['*'] }],
      'fail',
    ],
    [
      'passes a role that reads ConfigMaps',
      [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
      'pass',
    ],
    ['passes a role that lists pods', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }], 'pass'],
  ])('%s', (_name, rules, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [role('r', rules), bind('r')] })), 'r')).toBe(expected);
  });

  it('names the bound subjects', () => {
    const [r] = run(rule, inventory({ kube: [role('r', [{ resources: ['secrets'], verbs: ['list'] }]), bind('r')] }));
    expect(r.message).toContain('Group devs');
  });

  it('names every powerful grant of a wildcard role with the rule that gives it, and points at the first', () => {
    const rules = [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    ];
    const [r] = run(rule, inventory({ kube: [role('r', rules), bind('r')] }));
    expect(r.status).toBe('fail');
    for (const grant of ['read Secrets', 'create pods', 'exec or attach into pods', 'escalate or bind', 'impersonate'])
      expect(r.message).toContain(`${grant}`);
    expect(r.path).toEqual(['rules', 1]);
  });

  it('warns on an unbound powerful role', () => {
    expect(
      statusOf(run(rule, inventory({ kube: [role('r', [{ resources: ['secrets'], verbs: ['list'] }])] })), 'r'),
    ).toBe('warn');
  });

  it('judges a system: name the user made, but not a built-in bootstrap role', () => {
    const mine = role('system:mine', [{ resources: ['secrets'], verbs: ['get'] }]);
    const builtin = role('system:controller:x', [{ resources: ['secrets'], verbs: ['get'] }], {
      'kubernetes.io/bootstrapping': 'rbac-defaults',
    });
    const results = run(rule, inventory({ kube: [mine, builtin] }));
    expect(statusOf(results, 'system:mine')).toBe('warn');
    expect(statusOf(results, 'system:controller:x')).toBeUndefined();
  });

  it('exempts the ClusterRoles Kubernetes defines by name, but not a namespaced Role of that name', () => {
    const exec = [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }];
    const results = run(
      rule,
      inventory({ kube: [role('admin', exec), bind('admin'), kobj('Role', 'edit', { rules: exec })] }),
    );
    expect(statusOf(results, 'admin')).toBeUndefined();
    expect(statusOf(results, 'edit')).toBe('warn');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/rbac-permissions.js';
import { inventory, kobj, run, statuses, statusOf } from '../helpers.js';

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

describe('security.rbac-permissions on bindings to the ClusterRoles Kubernetes defines', () => {
  const teamBinding = (roleName: string, labels?: Record<string, string>) =>
    kobj('RoleBinding', `team-${roleName}`, {
      metadata: labels ? { labels } : {},
      roleRef: { kind: 'ClusterRole', name: roleName },
      subjects: [{ kind: 'Group', name: 'shop-devs' }],
    });

  it.each([
    ['edit', 'warn'],
    ['admin', 'warn'],
    ['view', undefined],
  ])('judges a team bound to ClusterRole %s by what Kubernetes gives that role', (roleName, expected) => {
    const results = run(rule, inventory({ kube: [teamBinding(roleName)] }));
    expect(statusOf(results, `team-${roleName}`)).toBe(expected);
  });

  it('names the subjects and the grants of the built-in role, in a static run and a live one', () => {
    for (const mode of ['static', 'live'] as const) {
      const inv = inventory({ kube: [teamBinding('edit')], mode, kubeKinds: ['ClusterRole', 'RoleBinding'] });
      const finding = run(rule, inv).find((r) => 'name' in r.subject && r.subject.name === 'team-edit');
      expect(finding?.message).toContain('Group shop-devs');
      expect(finding?.message).toContain('read Secrets');
      expect(finding?.message).toContain('exec or attach into pods');
      expect(finding?.path).toEqual(['roleRef', 'name']);
    }
  });

  it('still warns about a team bound to edit when ClusterRoles could not be read live: what edit grants is known, never a pass', () => {
    const inv = inventory({
      kube: [teamBinding('edit')],
      mode: 'live',
      kubeKinds: ['ClusterRole', 'RoleBinding'],
      kubeDenied: { ClusterRole: 'list clusterroles is forbidden (403)' },
    });
    const results = run(rule, inv);
    expect(statuses(results, 'team-edit').sort()).toEqual(['unknown', 'warn']);
    expect(results.some((r) => r.status === 'pass')).toBe(false);
  });

  it("leaves Kubernetes' own bindings to those roles alone", () => {
    const own = teamBinding('admin', { 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    expect(statusOf(run(rule, inventory({ kube: [own] })), 'team-admin')).toBeUndefined();
  });
});

describe('security.rbac-permissions on bindings to roles that do not exist', () => {
  const reader = kobj('Role', 'reader', { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] });
  const bindRole = (name: string, roleName: string) =>
    kobj('RoleBinding', name, {
      roleRef: { kind: 'Role', name: roleName },
      subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'shop' }],
    });

  it('warns about a RoleBinding to a Role the manifests do not hold, beside Roles they do', () => {
    const results = run(rule, inventory({ kube: [reader, bindRole('ci-deployer', 'deployer')] }));
    const binding = results.find((r) => 'name' in r.subject && r.subject.name === 'ci-deployer');
    expect(binding?.status).toBe('warn');
    expect(binding?.path).toEqual(['roleRef', 'name']);
    expect(binding?.message).toContain('ServiceAccount shop/ci');
  });

  it('warns about a RoleBinding whose Role exists only in another namespace (Roles are looked up beside the binding)', () => {
    const elsewhere = kobj('Role', 'deployer', { rules: [] }, 'tools');
    const results = run(rule, inventory({ kube: [elsewhere, bindRole('ci-deployer', 'deployer')] }));
    expect(statusOf(results, 'ci-deployer')).toBe('warn');
  });

  it('is unknown when the source did not read roles of that kind (a dump without ClusterRoles)', () => {
    const inv = inventory({ kube: [bind('platform-operator')], mode: 'dump', kubeKinds: ['ClusterRoleBinding'] });
    const results = run(rule, inv);
    expect(statusOf(results, 'platform-operator-binding')).toBe('unknown');
  });

  it.each(['system:auth-delegator', 'view', 'eks:podsecuritypolicy:privileged'])(
    'does not report a manifest binding to %s, a role every (EKS) cluster has, as missing',
    (roleName) => {
      const results = run(rule, inventory({ kube: [role('mine', []), bind(roleName)] }));
      expect(statusOf(results, `${roleName}-binding`)).toBeUndefined();
    },
  );

  it('warns live about a binding to a missing system: role, as the cluster shows its roles', () => {
    const inv = inventory({
      kube: [role('mine', []), bind('system:gone')],
      mode: 'live',
      kubeKinds: ['ClusterRole', 'ClusterRoleBinding'],
    });
    expect(statusOf(run(rule, inv), 'system:gone-binding')).toBe('warn');
  });

  it('is unknown live when ClusterRoles could not be read, and says why', () => {
    const inv = inventory({
      kube: [bind('ops')],
      mode: 'live',
      kubeKinds: ['ClusterRole', 'ClusterRoleBinding'],
      kubeDenied: { ClusterRole: 'list clusterroles is forbidden (403)' },
    });
    const [r] = run(rule, inv);
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('forbidden');
  });

  it('does not report a binding whose role the manifests hold', () => {
    const results = run(rule, inventory({ kube: [reader, bindRole('reads', 'reader')] }));
    expect(statusOf(results, 'reads')).toBeUndefined();
  });
});

import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { type Binding, isBuiltinRbac, policyRules } from '../support/rbac.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Groups and users that mean "everyone" (or every pod). */
  broadSubjects: z.array(z.string()),
  /** Roles too powerful to bind to anything but named admins. */
  adminRoles: z.array(z.string()),
  /** Role name prefixes owned by Kubernetes and EKS (system:…, eks:…): roles bound to broad groups may use them. */
  systemPrefixes: z.array(z.string()),
  /** Label on the roles and bindings Kubernetes itself creates: the only ones not judged (a system: name alone is not enough). */
  builtinLabel: z.string(),
  /** Prefixes of EKS-owned role names, not judged. */
  ownedPrefixes: z.array(z.string()),
  /** Default user-facing ClusterRoles that aggregate wildcards by design. */
  builtinRoles: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'security.rbac',
    title: 'RBAC grants are scoped: no wildcards, no cluster-admin for broad groups',
    category: 'security',
    checklist: ['security.iam-least-privilege', 'operations.access-controls'],
    severity: { test: 'high', prod: 'critical' },
    why: 'A wildcard role or a cluster-admin binding to a broad group gives every user, or every pod, control of the whole cluster.',
    verified:
      'No RoleBinding or ClusterRoleBinding binds a non-system role to system:authenticated, system:unauthenticated, system:anonymous or system:serviceaccounts, or binds cluster-admin to a ServiceAccount or any group (named groups too); no Role or ClusterRole uses "*" in verbs, resources or apiGroups. Only objects Kubernetes creates (labelled kubernetes.io/bootstrapping), EKS-owned eks: names and the built-in admin/edit/view are exempt: a system: name the user chose is judged.',
    fix: 'List the verbs, resources and apiGroups the subject needs; bind roles to named users, groups or ServiceAccounts; give cluster-admin only through EKS access entries for named admins.',
    equivalents: {
      kubeLinter: ['cluster-admin-role-binding', 'wildcard-in-rules'],
      kubescape: ['C-0185', 'C-0187'],
      checkov: ['CKV_K8S_49'],
    },
    params,
    defaults: () => ({
      broadSubjects: ['system:authenticated', 'system:unauthenticated', 'system:anonymous', 'system:serviceaccounts'],
      adminRoles: ['cluster-admin'],
      systemPrefixes: ['system:', 'eks:'],
      builtinLabel: 'kubernetes.io/bootstrapping',
      ownedPrefixes: ['eks:'],
      builtinRoles: ['cluster-admin', 'admin', 'edit', 'view'],
    }),
    needs: { kube: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'] },
  },
  check(inv, p) {
    const roles = [...inv.kube('ClusterRole'), ...inv.kube('Role')];
    const bindings = [...inv.kube('ClusterRoleBinding'), ...inv.kube('RoleBinding')];
    if (roles.length === 0 && bindings.length === 0) return nothingToCheck(inv, ['ClusterRoleBinding'], 'RBAC objects');
    const isSystem = (name: string) => p.systemPrefixes.some((x) => name.startsWith(x));
    const isBuiltin = (r: KubeResource) => isBuiltinRbac(r, p.builtinLabel, p.ownedPrefixes);
    const out: RuleResult[] = [];
    for (const role of roles) {
      const name = role.object.metadata.name;
      if (isBuiltin(role) || (role.object.kind === 'ClusterRole' && p.builtinRoles.includes(name))) continue;
      out.push(checkRole(role));
    }
    for (const b of bindings) {
      const spec = b.object as unknown as Binding;
      const roleName = spec.roleRef?.name ?? '';
      if (isBuiltin(b)) continue;
      const subjects = spec.subjects ?? [];
      const idx = subjects.findIndex((s) => {
        const broad =
          s.kind !== 'ServiceAccount' && p.broadSubjects.some((x) => s.name === x || s.name?.startsWith(`${x}:`));
        if (broad && !isSystem(roleName)) return true;
        // cluster-admin goes to named admins through EKS access entries, never a group or a ServiceAccount.
        return p.adminRoles.includes(roleName) && (broad || s.kind === 'ServiceAccount' || s.kind === 'Group');
      });
      if (idx >= 0) {
        const s = subjects[idx];
        out.push(
          kubeResult('fail', b, `binds ${spec.roleRef?.kind ?? 'role'} ${roleName} to ${s.kind} ${s.name}`, [
            'subjects',
            idx,
          ]),
        );
      } else {
        out.push(kubeResult('pass', b, `binds ${roleName} to named subjects`));
      }
    }
    return out;
  },
});

function checkRole(role: KubeResource): RuleResult {
  const rules = policyRules(role);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    for (const field of ['verbs', 'resources', 'apiGroups'] as const) {
      if ((r[field] ?? []).includes('*')) {
        return kubeResult('fail', role, `rule ${i} uses "*" in ${field}`, ['rules', i, field]);
      }
    }
  }
  return kubeResult('pass', role, 'every rule names its verbs, resources and API groups');
}

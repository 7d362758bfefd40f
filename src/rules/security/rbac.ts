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
  /** API groups of Kubernetes itself ("" is core): a wildcard that reaches one fails; one confined to named extension groups (a controller's own CRDs, metrics.k8s.io) warns. */
  kubernetesApiGroups: z.array(z.string()),
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
      'No RoleBinding or ClusterRoleBinding binds a non-system role to system:authenticated, system:unauthenticated, system:anonymous or system:serviceaccounts, or binds cluster-admin to a ServiceAccount or any group (named groups too); no Role or ClusterRole uses "*" in verbs, resources or apiGroups (a wildcard confined to named API groups outside kubernetesApiGroups, such as the CRDs of an operator or metrics.k8s.io, is a warning). Only objects Kubernetes creates (labelled kubernetes.io/bootstrapping), EKS-owned eks: names and the built-in admin/edit/view are exempt: a system: name the user chose is judged.',
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
      kubernetesApiGroups: [
        '',
        'apps',
        'batch',
        'autoscaling',
        'policy',
        'rbac.authorization.k8s.io',
        'networking.k8s.io',
        'storage.k8s.io',
        'admissionregistration.k8s.io',
        'apiextensions.k8s.io',
        'apiregistration.k8s.io',
        'certificates.k8s.io',
        'authentication.k8s.io',
        'authorization.k8s.io',
        'coordination.k8s.io',
        'discovery.k8s.io',
        'events.k8s.io',
        'node.k8s.io',
        'scheduling.k8s.io',
        'resource.k8s.io',
        'flowcontrol.apiserver.k8s.io',
      ],
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
      out.push(checkRole(role, p.kubernetesApiGroups));
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

function checkRole(role: KubeResource, kubernetesApiGroups: readonly string[]): RuleResult {
  const rules = policyRules(role);
  let confined: RuleResult | undefined;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    for (const field of ['verbs', 'resources', 'apiGroups'] as const) {
      if (!(r[field] ?? []).includes('*')) continue;
      const groups = r.apiGroups ?? [];
      const reaches = groups.length === 0 || groups.some((g) => g === '*' || kubernetesApiGroups.includes(g));
      if (reaches) return kubeResult('fail', role, `rule ${i} uses "*" in ${field}`, ['rules', i, field]);
      confined ??= kubeResult(
        'warn',
        role,
        `rule ${i} uses "*" in ${field}, confined to the API group ${groups.join(', ')}; expected the verbs and resources it needs`,
        ['rules', i, field],
      );
      break;
    }
  }
  return confined ?? kubeResult('pass', role, 'every rule names its verbs, resources and API groups');
}

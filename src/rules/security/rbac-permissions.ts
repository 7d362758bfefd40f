import { z } from 'zod';
import type { Inventory } from '../../inventory/inventory.js';
import { push } from '../../inventory/labels.js';
import type { KubeResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { type Binding, isBuiltinRbac, type PolicyRule, policyRules } from '../support/rbac.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const grant = z.object({
  /** What the finding calls it. */
  name: z.string(),
  resources: z.array(z.string()).min(1),
  verbs: z.array(z.string()).min(1),
});

const params = z.object({
  /** Grants that let a subject read credentials, run code or raise its own rights. */
  grants: z.array(grant).min(1),
  /** Label that marks the roles Kubernetes itself creates (the only ones exempt). */
  builtinLabel: z.string(),
  /** Role names EKS owns (eks:…), exempt like the built-in ones. */
  ownedPrefixes: z.array(z.string()),
  /** The user-facing ClusterRoles Kubernetes defines (cluster-admin, admin, edit, view): their grants are by design, as in security.rbac. */
  builtinRoles: z.array(z.string()),
  /**
   * Roles Kubernetes creates in every cluster, which bindings in manifests name
   * without shipping them (a trailing * matches a prefix): a static run does
   * not report them missing; a live one does, as it sees the cluster's roles.
   */
  bootstrapRoleRefs: z.array(z.string()),
  /**
   * The grants (names from `grants`) of the ClusterRoles Kubernetes defines, by
   * their definition: a binding to one of them gives its subjects those rights
   * although the role itself is exempt.
   */
  builtinRoleGrants: z.record(z.string(), z.array(z.string())),
});

type Grant = z.infer<typeof grant>;

/** Every powerful grant the rules give, each with the first rule that gives it, in the order of `grants`. */
function powerful(rules: readonly PolicyRule[], grants: readonly Grant[]): { grant: Grant; index: number }[] {
  const hits: { grant: Grant; index: number }[] = [];
  for (const g of grants) {
    for (let i = 0; i < rules.length; i++) {
      const verbs = rules[i].verbs ?? [];
      const resources = rules[i].resources ?? [];
      const verb = verbs.includes('*') || g.verbs.some((v) => verbs.includes(v));
      const res = g.resources.some((x) => resources.includes(x) || resources.includes('*'));
      if (verb && res) {
        hits.push({ grant: g, index: i });
        break;
      }
    }
  }
  return hits;
}

/** "read Secrets (rule 0), exec or attach into pods (rule 2)". */
function grantsText(hits: readonly { grant: Grant; index: number }[]): string {
  return hits.map((h) => `${h.grant.name} (rule ${h.index})`).join(', ');
}

/** Whether a role name is one of `patterns` (a trailing * matches a prefix). */
function namedIn(name: string, patterns: readonly string[]): boolean {
  return patterns.some((x) => (x.endsWith('*') ? name.startsWith(x.slice(0, -1)) : name === x));
}

/** The role a binding names, as "Kind|namespace|name" (Roles live in the binding's namespace). */
function refKey(b: KubeResource): string | undefined {
  const ref = (b.object as unknown as Binding).roleRef;
  if (!ref?.name) return undefined;
  const ns = ref.kind === 'Role' ? (b.object.metadata.namespace ?? 'default') : '';
  return `${ref.kind ?? 'ClusterRole'}|${ns}|${ref.name}`;
}

/**
 * The result for a binding whose role the sources do not hold: a warning when
 * the sources read that kind of role (the role does not exist there, and
 * whoever creates it grants the subjects its rights), unknown when they could
 * not; nothing for the roles every cluster has, in a static run.
 */
function missingRoleResult(inv: Inventory, b: KubeResource, p: z.infer<typeof params>): RuleResult | undefined {
  const ref = (b.object as unknown as Binding).roleRef ?? {};
  const kind = ref.kind ?? 'ClusterRole';
  const name = ref.name ?? '';
  const live = inv.coverage.mode === 'live';
  if (
    !live &&
    (namedIn(name, p.bootstrapRoleRefs) ||
      namedIn(
        name,
        p.ownedPrefixes.map((x) => `${x}*`),
      ))
  ) {
    return undefined;
  }
  const who = subjectsText([b]) || 'no subject';
  const path = ['roleRef', 'name'];
  if (!inv.hasKind(kind)) {
    const why = inv.coverage.kubeDenied.get(kind) ?? `the sources did not read ${kind} objects`;
    return kubeResult('unknown', b, `binds ${who} to ${kind} ${name}, whose grants cannot be judged: ${why}`, path);
  }
  const where = live ? 'which does not exist in the cluster' : 'which the sources do not hold';
  return kubeResult(
    'warn',
    b,
    `binds ${who} to ${kind} ${name}, ${where}: it grants nothing now, and whoever creates ${name} gives them every right it holds`,
    path,
  );
}

/** A warning for a binding of subjects to a ClusterRole Kubernetes defines with powerful grants (edit, admin). */
function builtinGrantResult(b: KubeResource, p: z.infer<typeof params>): RuleResult | undefined {
  const ref = (b.object as unknown as Binding).roleRef ?? {};
  if ((ref.kind ?? 'ClusterRole') !== 'ClusterRole' || !ref.name) return undefined;
  const granted = p.builtinRoleGrants[ref.name];
  if (!granted || granted.length === 0 || isBuiltinRbac(b, p.builtinLabel, p.ownedPrefixes)) return undefined;
  const who = subjectsText([b]);
  if (!who) return undefined;
  return kubeResult(
    'warn',
    b,
    `binds ${who} to ClusterRole ${ref.name}, which Kubernetes defines to ${granted.join(', ')}: bind a narrower role unless they need all of it`,
    ['roleRef', 'name'],
  );
}

function subjectsText(bindings: readonly KubeResource[]): string {
  const names = new Set<string>();
  for (const b of bindings) {
    for (const s of (b.object as unknown as Binding).subjects ?? []) {
      names.add(`${s.kind ?? 'subject'} ${s.namespace ? `${s.namespace}/` : ''}${s.name ?? '?'}`);
    }
  }
  return [...names].sort().join(', ');
}

export default defineRule({
  meta: {
    id: 'security.rbac-permissions',
    title: 'Roles do not grant secret reads, pod creation, exec, escalation or impersonation without need',
    category: 'security',
    checklist: ['security.iam-least-privilege', 'operations.access-controls'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Reading Secrets, creating pods, exec or attach into pods, escalate, bind and impersonate each lead to every other right in the namespace or cluster: a subject with one of them can act as any ServiceAccount it can reach.',
    verified:
      'Each Role and ClusterRole that a binding uses (and each unbound one, as a warning) is checked for get/list/watch on secrets, create on pods and workloads, create or get on pods/exec and pods/attach, escalate or bind on roles, and impersonate on users, groups or ServiceAccounts (a "*" verb or resource counts). The finding says which subjects are bound. Roles exempt are only those Kubernetes creates (labelled kubernetes.io/bootstrapping, or the ClusterRoles cluster-admin, admin, edit and view, as in security.rbac) and EKS-owned eks: names: a system: name alone exempts nothing. A binding of subjects to a ClusterRole Kubernetes defines with such grants (admin and edit read Secrets, create pods, exec and impersonate ServiceAccounts: builtinRoleGrants) is a warning naming the subjects, unless Kubernetes made the binding. A binding to a role that does not exist is a warning (whoever creates the role later grants the subjects its rights; manifests are the whole truth, so a role they do not hold does not exist where they are applied), unknown when the source could not read roles of that kind; in manifests, bindings to the roles every cluster has (bootstrapRoleRefs: system:…, admin, edit, view, …) are not reported missing.',
    fix: 'Split the role: give the powerful grant only to the ServiceAccount of the controller that needs it (and scope secrets with resourceNames), or reach Secrets through External Secrets instead of the API.',
    equivalents: {
      polaris: [
        'clusterrolePodExecAttach',
        'rolePodExecAttach',
        'clusterrolebindingPodExecAttach',
        'rolebindingRolePodExecAttach',
        'rolebindingClusterRolePodExecAttach',
      ],
      kubeLinter: ['access-to-secrets', 'access-to-create-pods'],
      kubescape: ['C-0015', 'C-0002', 'C-0188'],
    },
    params,
    defaults: () => ({
      grants: [
        { name: 'read Secrets', resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
        {
          name: 'create pods',
          resources: ['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs'],
          verbs: ['create'],
        },
        { name: 'exec or attach into pods', resources: ['pods/exec', 'pods/attach'], verbs: ['create', 'get'] },
        {
          name: 'escalate or bind roles',
          resources: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'],
          verbs: ['escalate', 'bind'],
        },
        {
          name: 'impersonate',
          resources: ['users', 'groups', 'serviceaccounts', 'userextras'],
          verbs: ['impersonate'],
        },
      ],
      builtinLabel: 'kubernetes.io/bootstrapping',
      ownedPrefixes: ['eks:'],
      builtinRoles: ['cluster-admin', 'admin', 'edit', 'view'],
      bootstrapRoleRefs: [
        'cluster-admin',
        'admin',
        'edit',
        'view',
        'system:*',
        'extension-apiserver-authentication-reader',
      ],
      builtinRoleGrants: {
        admin: ['read Secrets', 'create pods', 'exec or attach into pods', 'impersonate'],
        edit: ['read Secrets', 'create pods', 'exec or attach into pods', 'impersonate'],
      },
    }),
    needs: { kube: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'] },
  },
  check(inv, p) {
    const roles = [...inv.kube('ClusterRole'), ...inv.kube('Role')];
    const bindings = [...inv.kube('ClusterRoleBinding'), ...inv.kube('RoleBinding')];
    if (roles.length === 0 && bindings.length === 0) {
      return nothingToCheck(inv, ['ClusterRole'], 'Roles or ClusterRoles');
    }
    const held = new Set<string>();
    for (const role of roles) {
      const ns = role.object.kind === 'Role' ? (role.object.metadata.namespace ?? 'default') : '';
      held.add(`${role.object.kind}|${ns}|${role.object.metadata.name}`);
    }
    // One pass over the bindings: role key → the bindings that use it; bindings to roles not held are judged here.
    const boundBy = new Map<string, KubeResource[]>();
    const out: RuleResult[] = [];
    for (const b of bindings) {
      const key = refKey(b);
      if (!key) continue;
      push(boundBy, key, b);
      const builtin = builtinGrantResult(b, p);
      if (builtin) out.push(builtin);
      if (held.has(key)) continue;
      const missing = missingRoleResult(inv, b, p);
      if (missing) out.push(missing);
    }
    for (const role of roles) {
      const meta = role.object.metadata;
      if (isBuiltinRbac(role, p.builtinLabel, p.ownedPrefixes)) continue;
      // A manifest that ships cluster-admin, admin, edit or view carries Kubernetes' own role (live, it is labelled).
      if (role.object.kind === 'ClusterRole' && p.builtinRoles.includes(meta.name)) continue;
      const rules = policyRules(role);
      const hits = powerful(rules, p.grants);
      if (hits.length === 0) {
        out.push(kubeResult('pass', role, 'grants no secret reads, pod creation, exec, escalation or impersonation'));
        continue;
      }
      const ns = role.object.kind === 'Role' ? (meta.namespace ?? 'default') : '';
      const users = boundBy.get(`${role.object.kind}|${ns}|${meta.name}`) ?? [];
      const path = ['rules', Math.min(...hits.map((h) => h.index))];
      out.push(
        users.length > 0
          ? kubeResult('fail', role, `lets ${subjectsText(users)} ${grantsText(hits)}`, path)
          : kubeResult(
              'warn',
              role,
              `would let any subject bound later ${grantsText(hits)}; no binding uses it in the sources`,
              path,
            ),
      );
    }
    return out;
  },
});

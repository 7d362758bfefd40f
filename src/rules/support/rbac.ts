import type { KubeResource } from '../../inventory/types.js';

/** One rule of a Role or ClusterRole. */
export interface PolicyRule {
  verbs?: string[];
  resources?: string[];
  apiGroups?: string[];
}

/** A RoleBinding or ClusterRoleBinding. */
export interface Binding {
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[];
}

/** A role's rules (none when the field is absent or malformed). */
export function policyRules(role: KubeResource): PolicyRule[] {
  return Array.isArray(role.object.rules) ? (role.object.rules as PolicyRule[]) : [];
}

/**
 * Whether an RBAC object belongs to Kubernetes or EKS: it carries the
 * bootstrapping label Kubernetes puts on its own roles and bindings, or an
 * EKS-owned name prefix. A system: name alone is not enough.
 */
export function isBuiltinRbac(r: KubeResource, label: string, ownedPrefixes: readonly string[]): boolean {
  return (
    r.object.metadata.labels?.[label] !== undefined || ownedPrefixes.some((x) => r.object.metadata.name.startsWith(x))
  );
}

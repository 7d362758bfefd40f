import { kindInfo } from './kinds.js';

export interface PolicyRule {
  readonly apiGroups?: string[];
  readonly resources?: string[];
  readonly nonResourceURLs?: string[];
  readonly verbs: string[];
}

export interface VerifierRbac {
  readonly clusterRole: Record<string, unknown>;
  readonly clusterRoleBinding: Record<string, unknown>;
  /** Kinds with no API mapping (left out of the role). */
  readonly unmapped: string[];
}

/**
 * A get/list-only ClusterRole for exactly the kinds the rules read, plus the
 * discovery URLs, and a binding to a group that an EKS access entry can map
 * the verifier's IAM role to.
 */
export function verifierRbac(
  kinds: readonly string[],
  name = 'slipway-verifier',
  group = 'slipway:verifiers',
): VerifierRbac {
  const byGroup = new Map<string, Set<string>>();
  const unmapped: string[] = [];
  for (const kind of [...new Set(kinds)].sort()) {
    const info = kindInfo(kind);
    if (!info) {
      unmapped.push(kind);
      continue;
    }
    const set = byGroup.get(info.group) ?? new Set<string>();
    set.add(info.plural);
    byGroup.set(info.group, set);
  }
  const rules: PolicyRule[] = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([g, resources]) => ({ apiGroups: [g], resources: [...resources].sort(), verbs: ['get', 'list'] }));
  rules.push({ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*'], verbs: ['get'] });
  const labels = { 'app.kubernetes.io/managed-by': 'slipway', 'app.kubernetes.io/name': name };
  return {
    clusterRole: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels },
      rules,
    },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
    },
    unmapped,
  };
}

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
  /** Kinds (and reads beyond kinds) with no API mapping (left out of the role). */
  readonly unmapped: string[];
  /** Kinds the rules read that the role leaves out on purpose (Secrets, unless included). */
  readonly withheld: string[];
}

/**
 * Kinds whose read gives their values: RBAC cannot grant a metadata-only read,
 * so a get/list on Secrets is a read of every secret value in the cluster.
 */
export const VALUE_KINDS: readonly string[] = ['Secret'];

export interface VerifierRbacOptions {
  readonly name?: string;
  readonly group?: string;
  /** Grant get/list on Secrets as well (their values become readable to the verifier); default false. */
  readonly includeSecrets?: boolean;
  /** Reads beyond kinds: `pods/log` (get), `metrics.k8s.io/nodes`, `metrics.k8s.io/pods` (get/list). */
  readonly subresources?: readonly string[];
}

/** The RBAC rule of each read beyond a kind's get/list; all of them reads. */
const SUBRESOURCE_RULES: Readonly<Record<string, { group: string; resource: string; verbs: string[] }>> = {
  'pods/log': { group: '', resource: 'pods/log', verbs: ['get'] },
  'metrics.k8s.io/nodes': { group: 'metrics.k8s.io', resource: 'nodes', verbs: ['get', 'list'] },
  'metrics.k8s.io/pods': { group: 'metrics.k8s.io', resource: 'pods', verbs: ['get', 'list'] },
};

/** Reads Slipway knows how to grant beyond kinds. */
export function knownSubresources(): string[] {
  return Object.keys(SUBRESOURCE_RULES).sort();
}

/**
 * A get/list-only ClusterRole for exactly the kinds the rules read, the reads
 * beyond kinds the day-2 commands make (pod logs, metrics.k8s.io), plus the
 * discovery URLs, and a binding to a group that an EKS access entry can map
 * the verifier's IAM role to. Secrets are left out unless included: what a
 * rule would learn from them is then unknown.
 */
export function verifierRbac(kinds: readonly string[], options: VerifierRbacOptions = {}): VerifierRbac {
  const name = options.name ?? 'slipway-verifier';
  const group = options.group ?? 'slipway:verifiers';
  const byGroup = new Map<string, Set<string>>();
  const unmapped: string[] = [];
  const withheld: string[] = [];
  for (const kind of [...new Set(kinds)].sort()) {
    if (VALUE_KINDS.includes(kind) && !options.includeSecrets) {
      withheld.push(kind);
      continue;
    }
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
  // One rule per group and verb set for the reads beyond kinds (pod logs: get only).
  const extra = new Map<string, { group: string; verbs: string[]; resources: Set<string> }>();
  for (const sub of [...new Set(options.subresources ?? [])].sort()) {
    const r = SUBRESOURCE_RULES[sub];
    if (!r) {
      unmapped.push(sub);
      continue;
    }
    const key = `${r.group}|${r.verbs.join(',')}`;
    const entry = extra.get(key) ?? { group: r.group, verbs: r.verbs, resources: new Set<string>() };
    entry.resources.add(r.resource);
    extra.set(key, entry);
  }
  for (const [, e] of [...extra.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    rules.push({ apiGroups: [e.group], resources: [...e.resources].sort(), verbs: [...e.verbs] });
  }
  rules.push({ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'], verbs: ['get'] });
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
    withheld,
  };
}

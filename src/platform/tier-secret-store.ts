import { namespaceOf } from '../apps/naming.js';
import { PLACEHOLDER_ACCOUNT } from '../config/presets.js';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';

/**
 * Per-namespace secret access for multi-tier apps: each tier namespace that
 * has apps with secrets gets an IAM role that may read only those apps'
 * secrets. The apps generator creates, in that namespace, the ServiceAccount
 * `TIER_SECRET_STORE_SA` and a SecretStore named `tierSecretStoreName(ns)`.
 *
 * The role works two ways, so the apps side can pick:
 * - it has a Pod Identity association with (namespace, TIER_SECRET_STORE_SA);
 * - it trusts the External Secrets controller role, so a namespaced
 *   SecretStore can set `spec.provider.aws.role: tierSecretStoreRoleArn(env, ns)`
 *   and the controller assumes it (the usual way with Pod Identity, which
 *   injects credentials per pod, not per ServiceAccount reference).
 */
export const TIER_SECRET_STORE_SA = 'tier-secrets';

/** The ClusterSecretStore the platform creates and apps' ExternalSecrets reference when no tier store applies. */
export const CLUSTER_SECRET_STORE = 'aws-secrets-manager';

export function tierSecretStoreName(namespace: string): string {
  return `${namespace}-secrets`;
}

/** The IAM role name (fixed so its ARN is known before deployment); at most 64 characters. */
export function tierSecretStoreRoleName(env: Pick<EnvironmentConfig, 'clusterName'>, namespace: string): string {
  return `${env.clusterName}-${namespace}-secrets`.slice(0, 64);
}

export function tierSecretStoreRoleArn(env: Pick<EnvironmentConfig, 'clusterName' | 'account'>, namespace: string) {
  return `arn:aws:iam::${env.account ?? PLACEHOLDER_ACCOUNT}:role/${tierSecretStoreRoleName(env, namespace)}`;
}

export { PLACEHOLDER_ACCOUNT };

/** True when the project splits apps into tiers (Pattern 5): each namespace then has its own SecretStore. */
export function usesTiers(env: Pick<EnvironmentConfig, 'apps'>): boolean {
  return env.apps.some((a) => a.tier !== undefined);
}

/**
 * The namespaces allowed to use the ClusterSecretStore (its `spec.conditions`),
 * sorted. With tiers every namespace reads through its own SecretStore, so only
 * `secrets.clusterStoreNamespaces` may; without tiers the namespaces of apps
 * with secrets may as well. Empty means the platform creates no cluster store.
 */
export function clusterStoreNamespaces(
  env: Pick<EnvironmentConfig, 'project' | 'apps'> & {
    readonly secrets: { readonly clusterStoreNamespaces: readonly string[] };
  },
): string[] {
  const out = new Set(env.secrets.clusterStoreNamespaces);
  if (!usesTiers(env)) for (const ns of secretsByNamespace(env).keys()) out.add(ns);
  return [...out].sort();
}

/** Namespaces with apps that read secrets, and the secret names each may read, sorted. */
export function secretsByNamespace(env: Pick<EnvironmentConfig, 'project' | 'apps'>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const app of env.apps as readonly AppConfig[]) {
    if (app.secrets.length === 0) continue;
    const ns = namespaceOf(app, env);
    const set = out.get(ns) ?? new Set<string>();
    for (const s of app.secrets) set.add(s);
    out.set(ns, set);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

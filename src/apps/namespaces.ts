import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import {
  secretsByNamespace,
  TIER_SECRET_STORE_SA,
  tierSecretStoreName,
  tierSecretStoreRoleArn,
} from '../platform/tier-secret-store.js';
import * as k8s from './cdk/k8s.js';
import { DEFAULT_EPHEMERAL_STORAGE } from './defaults.js';
import { SecretStore, SecretStoreSpecProviderAwsService } from './imports/external-secrets.io.js';
import { baseLabels } from './labels.js';
import { namespaceOf } from './naming.js';
import { addBaselinePolicies } from './network-policy.js';
import { namespaceLimits, namespaceQuota } from './quota.js';
import { usesTiers } from './secrets.js';

/** The apps of each namespace, namespaces sorted by name. */
export function appsByNamespace(env: EnvironmentConfig): Map<string, AppConfig[]> {
  const out = new Map<string, AppConfig[]>();
  for (const app of env.apps) {
    const ns = namespaceOf(app, env);
    out.set(ns, [...(out.get(ns) ?? []), app]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const q = (v: string) => k8s.Quantity.fromString(v);
const quantities = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, q(v)])) as Record<string, k8s.Quantity>;

/**
 * Pattern 5 (multi-tier): every namespace the apps use gets
 * - the Namespace, labelled with its tier and enforcing the "restricted" Pod
 *   Security Standard (the generated pods meet it);
 * - a default-deny NetworkPolicy for both directions plus DNS egress;
 * - a ResourceQuota sized from its apps at peak scale, and a LimitRange;
 * - in multi-tier projects, its own SecretStore: the External Secrets
 *   controller assumes a role that may read only this namespace's secrets
 *   (created by the platform, src/platform/app-roles.ts), so one tier cannot
 *   read another's credentials ("separate External Secrets per namespace").
 * Apps without a tier live in the project namespace with the same baseline.
 */
export function addNamespace(scope: Construct, namespace: string, apps: AppConfig[], env: EnvironmentConfig): void {
  const labels = baseLabels(env);
  const tiers = [...new Set(apps.map((a) => a.tier).filter((t): t is NonNullable<AppConfig['tier']> => !!t))];
  new k8s.KubeNamespace(scope, `${namespace}-namespace`, {
    metadata: {
      name: namespace,
      labels: {
        ...labels,
        ...(tiers.length === 1 ? { 'slipway.io/tier': tiers[0] } : {}),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
    },
  });
  addBaselinePolicies(scope, namespace, labels);

  new k8s.KubeResourceQuota(scope, `${namespace}-quota`, {
    metadata: { name: 'compute', namespace, labels },
    spec: { hard: quantities(namespaceQuota(apps, env)) },
  });
  const limits = namespaceLimits(apps, env);
  new k8s.KubeLimitRange(scope, `${namespace}-limits`, {
    metadata: { name: 'container-defaults', namespace, labels },
    spec: {
      limits: [
        {
          type: 'Container',
          default: quantities({ ...limits.default, 'ephemeral-storage': DEFAULT_EPHEMERAL_STORAGE.limit }),
          defaultRequest: quantities({
            ...limits.defaultRequest,
            'ephemeral-storage': DEFAULT_EPHEMERAL_STORAGE.request,
          }),
          max: quantities(limits.max),
        },
      ],
    },
  });

  if (usesTiers(env) && secretsByNamespace(env).has(namespace)) {
    // The platform binds this ServiceAccount to the tier role with Pod Identity too.
    new k8s.KubeServiceAccount(scope, `${namespace}-secrets-sa`, {
      metadata: { name: TIER_SECRET_STORE_SA, namespace, labels },
      automountServiceAccountToken: false,
    });
    new SecretStore(scope, `${namespace}-secret-store`, {
      metadata: { name: tierSecretStoreName(namespace), namespace, labels },
      spec: {
        provider: {
          aws: {
            service: SecretStoreSpecProviderAwsService.SECRETS_MANAGER,
            region: env.region,
            role: tierSecretStoreRoleArn(env, namespace),
          },
        },
      },
    });
  }
}

import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { CLUSTER_SECRET_STORE, tierSecretStoreName, usesTiers } from '../platform/tier-secret-store.js';
import {
  ExternalSecret,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
} from './imports/external-secrets.io.js';

export { CLUSTER_SECRET_STORE, usesTiers };

/** Where secret files appear inside containers: one directory per secret, one file per key. */
export const SECRETS_MOUNT_ROOT = '/var/run/secrets/slipway';

/** How often the operator re-reads Secrets Manager. */
export const SECRET_REFRESH_INTERVAL = '1h';

/** `api/database` → `api-database`: a DNS-label-safe form of a secret name. */
export function secretSlug(secret: string): string {
  return secret
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The Kubernetes Secret (and ExternalSecret) name for one of an app's secrets.
 * Prefixed with the app so two apps in one namespace that read the same
 * Secrets Manager entry never fight over one object.
 */
export function kubeSecretName(app: Pick<AppConfig, 'name'>, secret: string): string {
  return `${app.name}-${secretSlug(secret)}`.slice(0, 253);
}

/** Volume names are DNS labels of at most 63 characters; index keeps them unique when truncated. */
export function secretVolumeName(index: number, secret: string): string {
  return `secret-${index}-${secretSlug(secret)}`.slice(0, 63).replace(/-$/, '');
}

export function secretMountPath(secret: string): string {
  return `${SECRETS_MOUNT_ROOT}/${secretSlug(secret)}`;
}

/** The store an app's ExternalSecrets read through: its namespace's SecretStore in multi-tier projects. */
export function secretStoreRefFor(
  namespace: string,
  env: Pick<EnvironmentConfig, 'apps'>,
): { kind: ExternalSecretSpecSecretStoreRefKind; name: string } {
  return usesTiers(env)
    ? { kind: ExternalSecretSpecSecretStoreRefKind.SECRET_STORE, name: tierSecretStoreName(namespace) }
    : { kind: ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name: CLUSTER_SECRET_STORE };
}

/**
 * One ExternalSecret per declared secret: the operator copies every key of the
 * JSON value at `<secretsPath>/<name>` into a Kubernetes Secret that the pod
 * mounts as files (pitfall 3: never environment variables).
 */
export function addExternalSecrets(
  scope: Construct,
  app: AppConfig,
  env: EnvironmentConfig,
  namespace: string,
  labels: Record<string, string>,
): void {
  const storeRef = secretStoreRefFor(namespace, env);
  for (const secret of app.secrets) {
    const name = kubeSecretName(app, secret);
    new ExternalSecret(scope, `es-${name}`, {
      metadata: { name, namespace, labels },
      spec: {
        refreshInterval: SECRET_REFRESH_INTERVAL,
        secretStoreRef: storeRef,
        target: { name, creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER },
        dataFrom: [{ extract: { key: `${env.secretsPath}/${secret}` } }],
      },
    });
  }
}

import { PLACEHOLDER_ACCOUNT } from '../config/presets.js';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';

/**
 * Names shared by the app generators and the platform constructs, so that a
 * Pod Identity association created in CDK matches the ServiceAccount the
 * manifests create, and the ECR repository matches the image reference.
 */

/** `namespace`, else the tier (frontend, backend, data, workers), else the project name. */
export function namespaceOf(app: AppConfig, env: Pick<EnvironmentConfig, 'project'>): string {
  return app.namespace ?? app.tier ?? env.project;
}

/** Each app runs under its own ServiceAccount, named after it. */
export function serviceAccountOf(app: AppConfig): string {
  return app.name;
}

/** The platform ECR repository the app's image lives in, if it uses one. */
export function repositoryOf(app: AppConfig): string | undefined {
  return typeof app.image === 'string' ? undefined : app.image.repository;
}

/**
 * The full image reference for an environment: in the registry of its
 * registry home (another account or region when `registry.home` says so),
 * else in its own account and region.
 */
export function imageOf(
  app: AppConfig,
  env: Pick<EnvironmentConfig, 'account' | 'region'> & Partial<Pick<EnvironmentConfig, 'registryHome'>>,
): string {
  if (typeof app.image === 'string') return app.image;
  const home = env.registryHome;
  const account = (home ? home.account : env.account) ?? PLACEHOLDER_ACCOUNT;
  const region = home?.region ?? env.region;
  return `${account}.dkr.ecr.${region}.amazonaws.com/${app.image.repository}:${app.image.tag}`;
}

/** A per-environment value: the environment's entry of a map, or the single value. */
export function valueFor<T>(value: T | Record<string, T> | undefined, envName: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (isEnvMap<T>(value)) return Object.hasOwn(value, envName) ? value[envName] : fallback;
  return value;
}

function isEnvMap<T>(v: T | Record<string, T>): v is Record<string, T> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  // A resources object has requests/limits; a storage size is a string; an env map has environment names.
  return !('requests' in v) && !('limits' in v);
}

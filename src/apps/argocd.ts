import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { Application } from './imports/argoproj.io.js';
import { baseLabels } from './labels.js';
import { namespaceOf } from './naming.js';

/** Where Argo CD runs and what its Applications deploy to (the cluster it runs in). */
export const ARGOCD_NAMESPACE = 'argocd';
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/** Used when no repository is given; `gitops.repoURL` in the config replaces it. */
export const REPO_URL_PLACEHOLDER = 'https://git.example.com/REPLACE-ME/deploy.git';

export interface GitSource {
  /** Git repository Argo CD reads the generated manifests from. */
  readonly repoURL: string;
  readonly targetRevision: string;
  /** Path of the environment's apps output inside the repository, such as out/prod/apps. */
  readonly basePath: string;
}

/** Folder of the namespace baseline in the output; the leading underscore keeps it apart from app names. */
export const NAMESPACES_DIR = '_namespaces';

/**
 * Sync order when Applications are applied together: namespaces and their
 * policies first, data stores next, then the apps that use them.
 */
function syncWave(app: AppConfig | undefined): string {
  if (!app) return '-1';
  return app.pattern === 'stateful' ? '0' : '1';
}

/**
 * One Argo CD Application per app folder (and one for the namespaces): automated
 * sync that prunes what the config no longer has and undoes drift (selfHeal).
 * Replica counts that an autoscaler owns (HPA, KEDA) are ignored, so Argo CD
 * and the autoscaler do not fight.
 */
export function addApplication(
  scope: Construct,
  env: EnvironmentConfig,
  source: GitSource,
  dir: string,
  app?: AppConfig,
): void {
  const autoscaled = app && (app.pattern === 'web' || app.pattern === 'worker');
  const name = `${env.project}-${app ? app.name : 'namespaces'}`;
  new Application(scope, name, {
    metadata: {
      name,
      namespace: ARGOCD_NAMESPACE,
      labels: baseLabels(env),
      annotations: { 'argocd.argoproj.io/sync-wave': syncWave(app) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: 'default',
      source: { repoUrl: source.repoURL, path: `${source.basePath}/${dir}`, targetRevision: source.targetRevision },
      destination: { server: IN_CLUSTER, ...(app ? { namespace: namespaceOf(app, env) } : {}) },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=false', ...(autoscaled ? ['RespectIgnoreDifferences=true'] : [])],
      },
      ignoreDifferences: autoscaled
        ? [{ group: 'apps', kind: 'Deployment', name: app.name, jsonPointers: ['/spec/replicas'] }]
        : undefined,
    },
  });
}

/** A kustomization listing the folder's files, so `kubectl apply -k` and Argo CD read the same set. */
export function kustomization(resources: readonly string[]): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources].sort(),
  };
}

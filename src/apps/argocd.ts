import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { GitSource } from './git-source.js';
import { Application } from './imports/argoproj.io.js';
import { baseLabels } from './labels.js';
import { namespaceOf } from './naming.js';

/** Where Argo CD runs and what its Applications deploy to (the cluster it runs in). */
export const ARGOCD_NAMESPACE = 'argocd';
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/** Folder of the namespace baseline in the output; the leading underscore keeps it apart from app names. */
export const NAMESPACES_DIR = '_namespaces';

/** Folder of the Argo CD Applications in the output; the root Application syncs it. */
export const ARGOCD_DIR = 'argocd';

/** The one file to apply by hand: the app-of-apps Application that installs all the others. */
export const ARGOCD_ROOT_FILE = 'argocd-root.yaml';

export interface ApplicationProps {
  readonly env: EnvironmentConfig;
  readonly source: GitSource;
  /** Folder under the environment's apps output that the Application syncs. */
  readonly dir: string;
  /** The Application's name. */
  readonly name: string;
  /** Argo CD sync wave: lower waves sync first. */
  readonly wave: number;
  /** The app the folder holds; none for the namespaces and the root. @default no app */
  readonly app?: AppConfig;
  /** Namespace the folder's objects go to. @default each object's own namespace */
  readonly namespace?: string;
}

function syncPolicy(source: GitSource, options: readonly string[]) {
  return {
    ...(source.prune || source.selfHeal ? { automated: { prune: source.prune, selfHeal: source.selfHeal } } : {}),
    syncOptions: ['CreateNamespace=false', ...options],
  };
}

/**
 * One Argo CD Application for one folder of the output. Automated sync prunes
 * and self-heals as the source says. Replica counts an autoscaler owns (HPA,
 * KEDA) are ignored, so Argo CD and the autoscaler do not fight.
 */
export function addApplication(scope: Construct, props: ApplicationProps): void {
  const { env, source, app } = props;
  const autoscaled = app && (app.pattern === 'web' || app.pattern === 'worker');
  new Application(scope, props.name, {
    metadata: {
      name: props.name,
      namespace: ARGOCD_NAMESPACE,
      labels: baseLabels(env),
      annotations: { 'argocd.argoproj.io/sync-wave': String(props.wave) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: 'default',
      source: {
        repoUrl: source.repoURL,
        path: `${source.basePath}/${props.dir}`,
        targetRevision: source.targetRevision,
      },
      destination: { server: IN_CLUSTER, ...(props.namespace ? { namespace: props.namespace } : {}) },
      syncPolicy: syncPolicy(source, autoscaled ? ['RespectIgnoreDifferences=true'] : []),
      ignoreDifferences: autoscaled
        ? [{ group: 'apps', kind: 'Deployment', name: app.name, jsonPointers: ['/spec/replicas'] }]
        : undefined,
    },
  });
}

/** The Application of one app folder: its namespace, its wave in the dependency order. */
export function addAppApplication(
  scope: Construct,
  env: EnvironmentConfig,
  source: GitSource,
  app: AppConfig,
  wave: number,
): void {
  addApplication(scope, {
    env,
    source,
    dir: app.name,
    name: `${env.project}-${app.name}`,
    wave,
    app,
    namespace: namespaceOf(app, env),
  });
}

/** The app-of-apps root: one Application that syncs the `argocd/` folder and so installs every other one. */
export function addRootApplication(scope: Construct, env: EnvironmentConfig, source: GitSource): void {
  addApplication(scope, {
    env,
    source,
    dir: ARGOCD_DIR,
    name: `${env.project}-gitops-root`,
    wave: 0,
    namespace: ARGOCD_NAMESPACE,
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

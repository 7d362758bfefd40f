import type { EnvironmentConfig } from '../config/types.js';
import type { GitSource } from './git-source.js';
import { baseLabels } from './labels.js';
import type { Manifest } from './render.js';

/** Where the Flux controllers and their objects live. */
export const FLUX_NAMESPACE = 'flux-system';

/** Folder of the Flux Kustomizations in the output; the root Kustomization syncs it. */
export const FLUX_DIR = 'flux';

/** The one file to apply by hand: the GitRepository and the root Kustomization that installs the others. */
export const FLUX_ROOT_FILE = 'flux-root.yaml';

/** How often Flux compares the cluster with the repository and corrects drift. */
const INTERVAL = '10m';

/** A Git revision as a Flux GitRepository `ref`: a commit id, a full reference (HEAD, refs/…), or a branch. */
export function fluxRef(revision: string): Record<string, string> {
  if (/^[0-9a-f]{40}$/.test(revision)) return { commit: revision };
  if (revision === 'HEAD' || revision.startsWith('refs/')) return { name: revision };
  return { branch: revision };
}

function repositoryName(env: EnvironmentConfig): string {
  return `${env.project}-deploy`;
}

/** The GitRepository every Kustomization of the environment reads. */
export function fluxGitRepository(env: EnvironmentConfig, source: GitSource): Manifest {
  const metadata = { name: repositoryName(env), namespace: FLUX_NAMESPACE, labels: baseLabels(env) };
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata,
    spec: { interval: INTERVAL, url: source.repoURL, ref: fluxRef(source.targetRevision) },
  };
}

/**
 * A Flux Kustomization for one folder of the output: the same path from the
 * repository root an Argo CD Application would use, pruning as the source
 * says, waiting for the folders it depends on to be ready.
 */
export function fluxKustomization(
  env: EnvironmentConfig,
  source: GitSource,
  name: string,
  dir: string,
  dependsOn: readonly string[],
): Manifest {
  const metadata = { name, namespace: FLUX_NAMESPACE, labels: baseLabels(env) };
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata,
    spec: {
      interval: INTERVAL,
      path: `./${source.basePath}/${dir}`,
      prune: source.prune,
      wait: true,
      sourceRef: { kind: 'GitRepository', name: repositoryName(env) },
      ...(dependsOn.length ? { dependsOn: dependsOn.map((d) => ({ name: d })) } : {}),
    },
  };
}

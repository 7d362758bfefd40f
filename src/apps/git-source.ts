import { relative, sep } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import { findGitRepository, remoteURL } from '../util/git-repository.js';
import { normalizeRepoURL, placeholderReason } from '../util/repo-url.js';

/** Where the GitOps controller reads an environment's apps output from. */
export interface GitSource {
  readonly tool: 'argocd' | 'flux';
  /** Git repository URL in the form the controller expects. */
  readonly repoURL: string;
  readonly targetRevision: string;
  /** The environment's apps folder from the root of the repository, such as deploy/rendered/prod/apps. */
  readonly basePath: string;
  /** Automated sync deletes what the repository no longer has. */
  readonly prune: boolean;
  /** Automated sync undoes changes made outside Git. */
  readonly selfHeal: boolean;
}

/** The source, or why there is none: errors stop synth, warnings are printed and no sync objects are written. */
export interface GitSourceResolution {
  readonly source?: GitSource;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export interface ResolveGitSourceOptions {
  /**
   * Absolute path of the folder `<out>/<env>/apps` is (or will be) written to.
   * The repository holding it gives the default path and the origin remote.
   * Without it only the config's `gitops` settings are used.
   */
  readonly appsDir?: string;
}

function trimSlashes(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/^\/+|\/+$/g, '');
}

/**
 * Works out the repository URL and path for an environment's sync objects:
 * `gitops.repoURL`, else the origin remote of the repository that holds the
 * output (credentials stripped, https or ssh as `gitops.transport` says);
 * `gitops.path`, else the output folder's path from that repository's root.
 * What cannot be found is an error when `gitops.requireRepository` is on (or,
 * for the path, when Argo CD is switched on), a warning otherwise.
 */
export function resolveGitSource(env: EnvironmentConfig, options: ResolveGitSourceOptions = {}): GitSourceResolution {
  const g = env.gitops;
  const at = `environments.${env.name}.gitops`;
  const repo = options.appsDir ? findGitRepository(options.appsDir) : undefined;
  const errors: string[] = [];
  const warnings: string[] = [];
  const problem = (required: boolean, message: string) => (required ? errors : warnings).push(message);

  let repoURL: string | undefined;
  if (g.repoURL) {
    repoURL = normalizeRepoURL(g.repoURL, g.transport);
    if (!repoURL) {
      errors.push(
        `${at}.repoURL is "${g.repoURL}", which is not a Git URL; allowed: https://host/owner/repo.git, ssh://git@host/owner/repo.git or git@host:owner/repo.git`,
      );
    }
  } else {
    const origin = repo ? remoteURL(repo) : undefined;
    repoURL = origin ? normalizeRepoURL(origin, g.transport) : undefined;
    if (!repoURL) {
      const seen = !repo
        ? options.appsDir
          ? `${options.appsDir} is not inside a Git repository`
          : 'no output folder was given'
        : origin
          ? `the origin remote of ${repo.root} is "${origin}", which is not a URL a controller can clone`
          : `the repository at ${repo.root} has no origin remote`;
      problem(
        g.requireRepository,
        `no repository URL for the ${g.tool === 'flux' ? 'Flux' : 'Argo CD'} sync objects of "${env.name}": ${seen}; set ${at}.repoURL (or add an origin remote)${g.requireRepository ? '' : '; none were written'}`,
      );
    }
  }

  let basePath: string | undefined;
  if (g.path !== undefined) {
    basePath = trimSlashes(g.path);
    if (!basePath || basePath.split('/').includes('..')) {
      errors.push(
        `${at}.path is "${g.path}"; allowed: a folder path from the repository root, such as deploy/prod/apps`,
      );
      basePath = undefined;
    }
  } else if (repo && options.appsDir) {
    basePath = trimSlashes(relative(repo.root, options.appsDir).split(sep).join('/'));
  } else if (!options.appsDir) {
    basePath = `out/${env.name}/apps`;
  } else {
    problem(
      g.requireRepository || env.addons.argocd,
      `cannot tell the path of ${options.appsDir} inside a Git repository: it is not inside one; set ${at}.path to that folder's path from the repository root (such as deploy/${env.name}/apps)`,
    );
  }

  if (!repoURL || !basePath || errors.length) return { errors, warnings };
  const fake = placeholderReason(repoURL);
  if (fake) {
    warnings.push(
      `${at}.repoURL "${repoURL}" is not a real repository (${fake}); automated prune and self-heal stay off until it is`,
    );
  }
  return {
    source: {
      tool: g.tool,
      repoURL,
      targetRevision: g.targetRevision,
      basePath,
      prune: g.prune ?? !fake,
      selfHeal: g.selfHeal ?? !fake,
    },
    errors,
    warnings,
  };
}

import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { findGitRepository, type GitRepository } from '../../util/git-repository.js';
import { GITOPS_KINDS, gitopsSources } from '../gitops-sources.js';
import type { CheckoutFacts, KubeResource } from '../types.js';

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * For each GitOps object read from a file inside a Git checkout: the
 * checkout's root and whether each folder the object syncs exists there.
 * Only those folders are looked at, so the cost follows the objects, not the tree.
 */
export function checkoutFacts(kube: readonly KubeResource[], cwd: string): Map<KubeResource, CheckoutFacts> {
  const out = new Map<KubeResource, CheckoutFacts>();
  const repos = new Map<string, GitRepository | undefined>();
  // Only GitOps objects have folders to look for: no other object's position is worked out. The
  // filter is its own small loop, so the one over every object stays cheap to run and to compile.
  const kinds: ReadonlySet<string> = new Set(GITOPS_KINDS);
  const gitops = kube.filter((r) => kinds.has(r.object.kind));
  for (const r of gitops) {
    const paths = gitopsSources(r.object)
      .map((s) => s.path)
      .filter((p): p is string => p !== undefined);
    if (!paths.length) continue;
    // The file alone: working out the object's line (what `source` does) is not needed here.
    const file = r.file ?? r.source.file;
    if (!file || file === '<stdin>') continue;
    const dir = dirname(isAbsolute(file) ? file : resolve(cwd, file));
    if (!repos.has(dir)) repos.set(dir, findGitRepository(dir));
    const repo = repos.get(dir);
    if (!repo) continue;
    out.set(r, { root: repo.root, paths: new Map(paths.map((p) => [p, isDir(join(repo.root, p))])) });
  }
  return out;
}

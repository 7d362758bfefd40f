import { z } from 'zod';
import { GITOPS_KINDS, gitopsSources } from '../../inventory/gitops-sources.js';
import { parseRepoURL, placeholderReason } from '../../util/repo-url.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** A repository URL that cannot be real (placeholder, example domain) fails; else it warns. */
  requireRealRepository: z.boolean(),
});

export default defineRule({
  meta: {
    id: 'operations.gitops-source',
    title: 'GitOps objects sync from a real repository and an existing path',
    category: 'operations',
    checklist: ['operations.backups'],
    severity: { test: 'low', prod: 'high' },
    why: 'An Argo CD Application or Flux Kustomization that points at a placeholder repository or a folder the repository does not have syncs nothing; with automated prune on, a wrong path can delete what is running.',
    verified:
      'Every Argo CD Application source and Flux GitRepository has a well-formed Git URL (https, ssh or git@host:path) that is not a placeholder or a reserved example domain; automated prune is on only with such a real repository; when the objects are read from files in a Git checkout, each synced folder exists from the checkout root.',
    fix: 'Set gitops.repoURL (or give the repository an origin remote) and run slipway synth from inside the repository; set gitops.path when the output is not in the checkout it is committed to.',
    equivalents: {},
    params,
    defaults: (env) => ({ requireRealRepository: env.gitops.requireRepository }),
    needs: { kube: [...GITOPS_KINDS] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const bad = p.requireRealRepository ? 'fail' : 'warn';
    // A fleet's Applications share a few repository URLs: each distinct one is judged once.
    const judged = new Map<string, { valid: boolean; fake: string | undefined }>();
    const judge = (url: string) => {
      let j = judged.get(url);
      if (!j) {
        j = { valid: parseRepoURL(url) !== undefined, fake: placeholderReason(url) };
        judged.set(url, j);
      }
      return j;
    };
    for (const kind of GITOPS_KINDS) {
      for (const r of inv.kube(kind)) {
        const sources = gitopsSources(r.object);
        if (!sources.length) continue;
        const checkout = inv.checkout(r);
        const problems: RuleResult[] = [];
        for (const s of sources) {
          if (s.repoURL !== undefined) {
            const { valid, fake } = judge(s.repoURL);
            if (!valid) {
              problems.push(
                kubeResult(
                  'fail',
                  r,
                  `repository URL "${s.repoURL}" is not a Git URL; expected https://host/owner/repo.git, ssh://git@host/owner/repo.git or git@host:owner/repo.git`,
                  s.repoURLPath,
                ),
              );
            } else if (fake && s.prune) {
              problems.push(
                kubeResult(
                  'fail',
                  r,
                  `automated prune is on but the repository "${s.repoURL}" is not real (${fake}); expected prune only with the repository the output is committed to`,
                  s.prunePath,
                ),
              );
            } else if (fake) {
              problems.push(
                kubeResult(
                  bad,
                  r,
                  `repository "${s.repoURL}" is not real (${fake}); expected the repository the output is committed to`,
                  s.repoURLPath,
                ),
              );
            }
          }
          if (s.path !== undefined && checkout?.paths.get(s.path) === false) {
            problems.push(
              kubeResult(
                'fail',
                r,
                `path "${s.path}" does not exist in the checkout at ${checkout.root}; expected a folder from the repository root`,
                s.pathPath,
              ),
            );
          }
        }
        if (problems.length) {
          out.push(...problems);
          continue;
        }
        const where = sources.map((s) => [s.repoURL, s.path].filter(Boolean).join(' ')).join(', ');
        out.push(kubeResult('pass', r, `syncs from ${where}${checkout ? ' (present in the checkout)' : ''}`));
      }
    }
    if (out.length === 0) return nothingToCheck(inv, ['Application'], 'GitOps objects');
    return out;
  },
});

import { z } from 'zod';
import { minorOf, REMOVED_APIS_SOURCE, removedApi } from '../../versions/removed-apis.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** The Kubernetes minor the manifests must work on (kubernetesVersion). */
  targetVersion: z.string().regex(/^1\.\d+$/),
  /** Also warn about APIs removed within this many minors after the target (the next upgrade). */
  lookAhead: z.number().int().min(0),
});

export default defineRule({
  meta: {
    id: 'upgrade.deprecated-apis',
    title: 'Manifests use no removed Kubernetes API versions',
    category: 'upgrade',
    checklist: ['operations.upgrade-plan'],
    severity: { test: 'medium', prod: 'high' },
    why: 'An object in an API version the cluster no longer serves cannot be applied; found after an upgrade, it blocks deploys.',
    verified: `Against the removed-API table (src/versions/removed-apis.json, from ${REMOVED_APIS_SOURCE.source}): no object uses an apiVersion removed at or before kubernetesVersion (fail) or within the next minors of the upgrade path (warning), such as policy/v1beta1 PodDisruptionBudget, autoscaling/v2beta2 HorizontalPodAutoscaler, batch/v1beta1 CronJob or extensions/v1beta1 Ingress.`,
    fix: 'Move each object to the replacement API version named in the finding (`kubectl convert` helps) before upgrading.',
    equivalents: { kubeScore: ['stable-version'], kubeLinter: ['no-extensions-v1beta'] },
    params,
    defaults: (env) => ({ targetVersion: env.kubernetesVersion, lookAhead: 1 }),
    needs: { kube: [] },
  },
  check(inv, p) {
    if (inv.kubeResources.length === 0) return nothingToCheck(inv, ['Deployment'], 'Kubernetes objects');
    const target = minorOf(p.targetVersion);
    const out: RuleResult[] = [];
    const resources = inv.kubeResources;
    // Indexed: one pass over every object, mostly before the JIT optimises it.
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i];
      const hit = removedApi(r.object.apiVersion, r.object.kind);
      if (!hit) continue;
      const removed = minorOf(hit.removedIn);
      if (removed <= target) {
        out.push(
          kubeResult(
            'fail',
            r,
            `${r.object.apiVersion} ${r.object.kind} was removed in ${hit.removedIn}; use ${hit.replacement}`,
            ['apiVersion'],
          ),
        );
      } else if (removed <= target + p.lookAhead) {
        out.push(
          kubeResult(
            'warn',
            r,
            `${r.object.apiVersion} ${r.object.kind} is removed in ${hit.removedIn}; use ${hit.replacement}`,
            ['apiVersion'],
          ),
        );
      }
    }
    if (out.length === 0) {
      out.push(result('pass', { kind: '*', name: '*' }, `no object uses an API version removed by ${p.targetVersion}`));
    }
    return out;
  },
});

import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { parseQuantity, toGi } from '../support/quantity.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Claims larger than this (GiB) are reported (workloads.maxVolumeGi). */
  maxGi: z.number().positive(),
});

interface ClaimSpec {
  resources?: { requests?: { storage?: unknown } };
}

export default defineRule({
  meta: {
    id: 'storage.oversized-volumes',
    title: 'Volume claims are not oversized',
    category: 'storage',
    checklist: [],
    pitfall: 6,
    severity: { test: 'low', prod: 'medium' },
    why: 'EBS bills the provisioned size, not what is used, and a volume can grow but never shrink: start small and expand.',
    verified:
      'No PersistentVolumeClaim or StatefulSet volumeClaimTemplate requests more than workloads.maxVolumeGi (a warning, since some data sets are large).',
    fix: 'Request what the data needs for the coming months and expand later (allowVolumeExpansion is on in the platform classes); raise workloads.maxVolumeGi if large volumes are intended.',
    equivalents: {},
    params,
    defaults: (env) => ({ maxGi: env.workloads.maxVolumeGi }),
    needs: { kube: ['PersistentVolumeClaim', 'StatefulSet'] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const judge = (size: unknown, what: string) => {
      const bytes = parseQuantity(size);
      if (bytes === undefined) return undefined;
      const gi = toGi(bytes);
      return gi > p.maxGi
        ? { status: 'warn' as const, text: `${what} requests ${String(size)} (${gi.toFixed(0)}Gi), above ${p.maxGi}Gi` }
        : { status: 'pass' as const, text: `${what} requests ${String(size)}` };
    };
    for (const pvc of inv.kube('PersistentVolumeClaim')) {
      const size = (pvc.object.spec as ClaimSpec | undefined)?.resources?.requests?.storage;
      const j = judge(size, 'the claim');
      if (j) out.push(kubeResult(j.status, pvc, j.text, ['spec', 'resources', 'requests', 'storage']));
    }
    for (const sts of inv.kube('StatefulSet')) {
      const templates =
        (
          sts.object.spec as
            | { volumeClaimTemplates?: ({ metadata?: { name?: string } } & { spec?: ClaimSpec })[] }
            | undefined
        )?.volumeClaimTemplates ?? [];
      templates.forEach((t, i) => {
        const j = judge(t.spec?.resources?.requests?.storage, `claim template ${t.metadata?.name ?? i}`);
        if (j) {
          out.push(
            kubeResult(j.status, sts, j.text, [
              'spec',
              'volumeClaimTemplates',
              i,
              'spec',
              'resources',
              'requests',
              'storage',
            ]),
          );
        }
      });
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['PersistentVolumeClaim'], 'volume claims');
  },
});

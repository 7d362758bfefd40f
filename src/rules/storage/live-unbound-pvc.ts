import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Phases that count as healthy. */
  boundPhases: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'storage.live-unbound-pvc',
    title: 'Persistent volume claims are bound',
    category: 'storage',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'A claim that stays Pending keeps its pod from starting; a Lost claim means the data volume is gone.',
    verified: "Live or from a dump: each PersistentVolumeClaim's status.phase is Bound. Pending and Lost fail.",
    fix: 'Check `kubectl describe pvc` events: a missing StorageClass, an EBS CSI driver without permissions, or a zone with no node for a WaitForFirstConsumer volume.',
    equivalents: {},
    params,
    defaults: () => ({ boundPhases: ['Bound'] }),
    needs: { kube: ['PersistentVolumeClaim'] },
  },
  check(inv, p) {
    const skip = needsLiveFacts(inv, { kind: 'PersistentVolumeClaim', name: '*' }, 'Claim binding');
    if (skip) return skip;
    const claims = inv.kube('PersistentVolumeClaim');
    if (claims.length === 0) return nothingToCheck(inv, ['PersistentVolumeClaim'], 'PersistentVolumeClaims');
    const out: RuleResult[] = [];
    for (const c of claims) {
      const phase = (c.object.status as { phase?: string } | undefined)?.phase;
      if (phase && p.boundPhases.includes(phase))
        out.push(kubeResult('pass', c, `the claim is ${phase}`, ['status', 'phase']));
      else
        out.push(
          kubeResult('fail', c, `the claim is ${phase ?? 'without a phase'}; expected ${p.boundPhases.join(' or ')}`, [
            'status',
            'phase',
          ]),
        );
    }
    return out;
  },
});

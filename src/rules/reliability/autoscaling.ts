import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, workloadResult } from '../support/results.js';
import { containersOf, isUserFacing } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Status when a user-facing Deployment has no autoscaler (warn: not every service needs one). */
  missingStatus: z.enum(['warn', 'fail']),
});

interface HpaSpec {
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: { type?: string; resource?: { name?: string; target?: { type?: string } } }[];
}

export default defineRule({
  meta: {
    id: 'reliability.autoscaling',
    title: 'User-facing Deployments scale with traffic',
    category: 'reliability',
    checklist: ['reliability.replicas'],
    severity: { test: 'info', prod: 'medium' },
    why: 'A fixed replica count is either too many at night or too few at the peak; an autoscaler follows the traffic. A utilisation target also needs the requests it is a percentage of.',
    verified:
      'Each Deployment that a load-balancing Service selects is targeted by a HorizontalPodAutoscaler or KEDA ScaledObject whose maximum is above its minimum (a warning when there is none); an HPA with a CPU or memory Utilization target fails when a container of the target lacks that request, since utilisation cannot be computed.',
    fix: 'Add an HPA on CPU (apps: `autoscaling:` in slipway.config.yaml) with maxReplicas above minReplicas, and set resources.requests on every container.',
    equivalents: {},
    params,
    defaults: () => ({ missingStatus: 'warn' as const }),
    needs: { kube: ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'ScaledObject'] },
  },
  check(inv, p) {
    const deployments = inv.workloads({ kinds: ['Deployment'] });
    if (deployments.length === 0) return nothingToCheck(inv, ['Deployment'], 'Deployments');
    const out: RuleResult[] = [];
    for (const w of deployments) {
      const hpa = inv.hpasFor(w)[0];
      const so = inv.scaledObjectsFor(w)[0];
      if (!hpa && !so) {
        out.push(
          isUserFacing(inv, w)
            ? workloadResult(p.missingStatus, w, 'no HPA or ScaledObject scales this user-facing Deployment', [
                'spec',
                'replicas',
              ])
            : workloadResult('skip', w, 'not user-facing and not autoscaled'),
        );
        continue;
      }
      if (!hpa) {
        out.push(workloadResult('pass', w, `scaled by ScaledObject ${so.object.metadata.name}`));
        continue;
      }
      const spec = (hpa.object.spec ?? {}) as HpaSpec;
      const min = spec.minReplicas ?? 1;
      const max = spec.maxReplicas ?? min;
      const utilisation = (spec.metrics ?? [])
        .filter((m) => m.type === 'Resource' && m.resource?.target?.type === 'Utilization')
        .map((m) => m.resource?.name)
        .filter((n): n is string => n === 'cpu' || n === 'memory');
      const lacking = containersOf(w).filter((c) => {
        const req = (c.container.resources as { requests?: Record<string, unknown> } | undefined)?.requests ?? {};
        return utilisation.some((r) => req[r] === undefined);
      });
      if (lacking.length > 0) {
        out.push(
          kubeResult(
            'fail',
            hpa,
            `targets ${utilisation.join('/')} utilisation but container ${lacking[0].container.name} of ${w.name} sets no such request`,
            ['spec', 'metrics'],
          ),
        );
      } else if (max <= min) {
        out.push(
          kubeResult('warn', hpa, `maxReplicas ${max} leaves no room above minReplicas ${min}`, [
            'spec',
            'maxReplicas',
          ]),
        );
      } else {
        out.push(workloadResult('pass', w, `HPA ${hpa.object.metadata.name} scales it from ${min} to ${max}`));
      }
    }
    return out;
  },
});

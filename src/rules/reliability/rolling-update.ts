import { z } from 'zod';
import { isUserFacing, replicaRange } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Most pods a rollout may take away at once (0: new pods are ready before old ones go). */
  maxUnavailable: z.number().int().min(0),
  /** Status of a failure on a Deployment Slipway did not generate and the user did not opt in. */
  thirdParty: thirdPartyStatus,
});

const DEPLOYMENT = ['Deployment'];

interface Strategy {
  type?: string;
  rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
}

/** Pods a rolling update may take down at `replicas` (percentages round down, as the controller does). */
function unavailableAt(value: number | string | undefined, replicas: number): number {
  const v = value ?? '25%';
  if (typeof v === 'number') return v;
  if (v.endsWith('%')) return Math.floor((replicas * Number.parseFloat(v)) / 100);
  return Number.parseInt(v, 10);
}

export default defineRule({
  meta: {
    id: 'reliability.rolling-update',
    title: 'Served Deployments roll out without losing capacity',
    category: 'reliability',
    checklist: ['reliability.replicas'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A rollout that removes old pods before new ones are ready drops capacity, and with few replicas drops traffic.',
    verified:
      'Each Deployment that a load-balancing Service selects uses the RollingUpdate strategy and its maxUnavailable, evaluated at its largest replica count, is at most the parameter (0 by default). "User-facing" is a heuristic of Slipway: failures apply to Deployments Slipway generated (app.kubernetes.io/managed-by: slipway) or the user opted in (slipway.io/conventions: enforce), and are thirdParty (a warning) on others, with that reason.',
    fix: 'Set spec.strategy.rollingUpdate.maxUnavailable: 0 and maxSurge: 1 (or more), so new pods pass readiness before old ones stop.',
    equivalents: {},
    params,
    defaults: () => ({ maxUnavailable: 0, thirdParty: 'warn' as const }),
    needs: { kube: ['Deployment', 'Service', 'HorizontalPodAutoscaler'] },
  },
  check(inv, p) {
    const deployments = inv.workloads({ kinds: DEPLOYMENT });
    if (deployments.length === 0) return nothingToCheck(inv, DEPLOYMENT, 'Deployments');
    const out: RuleResult[] = [];
    // Indexed loop: runs per Deployment, mostly before the JIT optimises it.
    for (let i = 0; i < deployments.length; i++) {
      const w = deployments[i];
      if (!isUserFacing(inv, w)) {
        out.push(workloadResult('skip', w, 'no load-balancing Service selects this Deployment'));
        continue;
      }
      const strategy = (w.resource.object.spec as { strategy?: Strategy | null } | undefined)?.strategy;
      const own = ownership(inv, w.resource, w);
      if (strategy?.type === 'Recreate') {
        const v = conventionVerdict(
          own,
          'fail',
          'uses the Recreate strategy: every pod stops before new ones start',
          p.thirdParty,
        );
        out.push(workloadResult(v.status, w, v.message, ['spec', 'strategy', 'type']));
        continue;
      }
      const replicas = replicaRange(inv, w)?.max ?? 1;
      const value = strategy?.rollingUpdate?.maxUnavailable;
      const unavailable = unavailableAt(value, replicas);
      const shown = value === undefined ? 'the default 25%' : `maxUnavailable ${value}`;
      const path = value === undefined ? ['spec'] : ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'];
      if (unavailable <= p.maxUnavailable) {
        out.push(workloadResult('pass', w, `${shown} takes at most ${unavailable} pods away during a rollout`, path));
        continue;
      }
      const seen = `${shown} lets a rollout take ${unavailable} of ${replicas} pods away; at most ${p.maxUnavailable} allowed`;
      const v = conventionVerdict(own, 'fail', seen, p.thirdParty);
      out.push(workloadResult(v.status, w, v.message, path));
    }
    return out;
  },
});

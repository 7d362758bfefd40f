import { z } from 'zod';
import { isUserFacing, REPLICATED_KINDS, replicaRange } from '../../inventory/workload-facts.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { count, workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Fewest replicas a user-facing workload may run (an autoscaler's minimum counts). */
  minReplicas: z.number().int().min(1),
  /** Status of a user-facing workload below the minimum that Slipway did not generate and the user did not opt in. */
  thirdParty: thirdPartyStatus,
});

export default defineRule({
  meta: {
    id: 'reliability.replicas',
    title: 'User-facing workloads run enough replicas',
    category: 'reliability',
    checklist: ['reliability.replicas'],
    pitfall: 2,
    severity: { test: 'low', prod: 'high' },
    why: 'With one replica every restart, eviction, node drain or deploy is an outage.',
    verified:
      'Each Deployment and StatefulSet runs at least the environment minimum: spec.replicas, or the minReplicas of the HPA (minReplicaCount of the KEDA ScaledObject) that scales it. Below it, a workload that a load-balancing (non-headless) Service selects fails; any other warns. "User-facing" is a heuristic of Slipway: the failure applies to workloads Slipway generated (app.kubernetes.io/managed-by: slipway) or the user opted in (slipway.io/conventions: enforce on the object, its pod template or its namespace), and is thirdParty (a warning) on others, with that reason.',
    fix: 'Raise spec.replicas (or the autoscaler minimum) to the environment minimum (workloads.minReplicas in slipway.config.yaml) and add a PodDisruptionBudget.',
    equivalents: {
      polaris: ['deploymentMissingReplicas'],
      kubeLinter: ['minimum-three-replicas'],
    },
    params,
    defaults: (env) => ({ minReplicas: env.workloads.minReplicas, thirdParty: 'warn' as const }),
    needs: { kube: ['Deployment', 'StatefulSet', 'Service', 'HorizontalPodAutoscaler', 'ScaledObject'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, REPLICATED_KINDS, 'Deployments or StatefulSets', (w) => {
      const range = replicaRange(inv, w);
      if (!range) return [];
      const path = range.source === 'spec.replicas' ? ['spec', 'replicas'] : ['spec'];
      if (range.min >= p.minReplicas) {
        return workloadResult('pass', w, `runs at least ${count(range.min, 'replica')} (${range.source})`, path);
      }
      if (isUserFacing(inv, w)) {
        const seen = `runs ${count(range.min, 'replica')} at minimum (${range.source}); user-facing workloads need at least ${p.minReplicas}`;
        const v = conventionVerdict(ownership(inv, w.resource, w), 'fail', seen, p.thirdParty);
        return workloadResult(v.status, w, v.message, path);
      }
      // Not selected by a Service: still a single point of failure, but not one users hit directly.
      return workloadResult(
        'warn',
        w,
        `runs ${count(range.min, 'replica')} at minimum (${range.source}) and no load-balancing Service selects it; a restart stops its work until the pod is back (the environment minimum is ${p.minReplicas})`,
        path,
      );
    }),
});

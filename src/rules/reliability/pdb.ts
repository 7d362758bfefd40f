import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import { podSpecPath, REPLICATED_KINDS, replicaRange } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { placeholderPriority } from '../support/priority.js';
import { kubeResult, workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Workloads whose minimum replica count reaches this need a PodDisruptionBudget. */
  fromReplicas: z.number().int().min(2),
  /** Pods whose priority is below this value are over-provisioning placeholders: evicted first by design, no budget. */
  placeholderPriorityBelow: z.number().int(),
});

interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/** Whether the PDB lets no pod be evicted at the given replica count (drains would hang). */
function blocksAllEvictions(pdb: KubeResource, replicas: number): boolean {
  const spec = (pdb.object.spec ?? {}) as PdbSpec;
  if (spec.maxUnavailable !== undefined) {
    const v = spec.maxUnavailable;
    return typeof v === 'number' ? v === 0 : Math.floor((replicas * Number.parseFloat(v)) / 100) === 0;
  }
  if (spec.minAvailable !== undefined) {
    const v = spec.minAvailable;
    return (typeof v === 'number' ? v : Math.ceil((replicas * Number.parseFloat(v)) / 100)) >= replicas;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'reliability.pdb',
    title: 'Multi-replica workloads have a PodDisruptionBudget that matches them',
    category: 'reliability',
    checklist: ['reliability.pdbs'],
    pitfall: 2,
    severity: { test: 'low', prod: 'high' },
    why: 'A node drain or cluster upgrade may evict every replica at once unless a PodDisruptionBudget keeps some running. Over-provisioning placeholders (pods of a PriorityClass with a negative value, which hold spare capacity and are meant to be preempted first) are the exception: a budget on them would only slow drains down.',
    verified:
      "For each Deployment and StatefulSet with at least two replicas (an autoscaler's minimum counts), a PodDisruptionBudget in its namespace whose selector really matches the pod template labels; a budget that allows no eviction at all is a warning, because drains then hang. Workloads whose pods run below placeholderPriorityBelow (a PriorityClass with a negative value, or spec.priority) are skipped with that reason. A budget that selects nothing is judged by workloads.pdb-policy.",
    fix: "Add a PodDisruptionBudget with the workload's pod labels as selector and maxUnavailable: 1 (or minAvailable below the replica count).",
    equivalents: {
      polaris: ['missingPodDisruptionBudget', 'pdbDisruptionsIsZero'],
      kubeScore: ['deployment-has-poddisruptionbudget', 'statefulset-has-poddisruptionbudget'],
    },
    params,
    defaults: (env) => ({ fromReplicas: Math.max(2, env.workloads.minReplicas), placeholderPriorityBelow: 0 }),
    needs: {
      kube: [
        'Deployment',
        'StatefulSet',
        'PodDisruptionBudget',
        'HorizontalPodAutoscaler',
        'ScaledObject',
        'PriorityClass',
      ],
    },
  },
  check(inv, p) {
    const workloads = inv.workloads({ kinds: REPLICATED_KINDS });
    if (workloads.length === 0) return nothingToCheck(inv, REPLICATED_KINDS, 'Deployments or StatefulSets');
    const missing = nothingToCheck(inv, ['PodDisruptionBudget'], '');
    if (missing[0].status === 'unknown') return missing;
    const out: RuleResult[] = [];
    // Indexed loops: they run per workload and per budget, mostly before the JIT optimises them.
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      const range = replicaRange(inv, w);
      if (!range) continue;
      if (range.max < p.fromReplicas) {
        out.push(
          workloadResult('skip', w, `runs ${range.max} replica at most; a budget only matters from ${p.fromReplicas}`),
        );
        continue;
      }
      const placeholder = placeholderPriority(inv, w, p.placeholderPriorityBelow);
      if (placeholder) {
        out.push(
          workloadResult(
            'skip',
            w,
            `its pods run at ${placeholder}, below ${p.placeholderPriorityBelow}: an over-provisioning placeholder that is preempted first by design, so it needs no budget`,
            podSpecPath(w),
          ),
        );
        continue;
      }
      const pdbs = inv.pdbsFor(w);
      if (pdbs.length === 0) {
        out.push(workloadResult('fail', w, 'no PodDisruptionBudget selects the pods of this workload', w.templatePath));
        continue;
      }
      const pdb = pdbs[0];
      if (blocksAllEvictions(pdb, Math.max(range.min, 1))) {
        out.push(
          kubeResult(
            'warn',
            pdb,
            `PodDisruptionBudget ${pdb.object.metadata.name} allows no eviction of ${w.kind} ${w.name} at ${range.min} replicas: node drains will hang`,
            ['spec'],
          ),
        );
        continue;
      }
      out.push(workloadResult('pass', w, `PodDisruptionBudget ${pdb.object.metadata.name} selects its pods`));
    }
    return out;
  },
});

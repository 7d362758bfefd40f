import { z } from 'zod';
import { podTarget } from '../../inventory/controller-pods.js';
import { pdbSelector } from '../../inventory/object-fields.js';
import { nothingToCheck } from '../support/coverage.js';
import { podTargetResult } from '../support/references.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** unhealthyPodEvictionPolicy values that let a drain evict pods that are not ready. */
  evictionPolicies: z.array(z.string()),
});

interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  unhealthyPodEvictionPolicy?: string;
}

/** maxUnavailable 0 or 0%, or minAvailable 100%: no eviction at any replica count. */
function blocksEveryEviction(spec: PdbSpec): boolean {
  return spec.maxUnavailable === 0 || spec.maxUnavailable === '0%' || spec.minAvailable === '100%';
}

export default defineRule({
  meta: {
    id: 'workloads.pdb-policy',
    title: 'PodDisruptionBudgets select pods, state a budget and let unhealthy pods be evicted',
    category: 'workloads',
    checklist: ['reliability.pdbs'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A budget whose selector matches no pod protects nothing while looking like it does (often a label typo, so the workload it was meant for has no budget at all); a budget with neither minAvailable nor maxUnavailable protects nothing, and one with maxUnavailable 0 or minAvailable 100% blocks every drain; without unhealthyPodEvictionPolicy: AlwaysAllow a pod that is crash-looping still counts against the budget and blocks node drains and upgrades.',
    verified:
      'Every PodDisruptionBudget selects the pods of at least one workload in its namespace, or of a custom resource whose controller is known to run labelled pods (Prometheus, Alertmanager, ThanosRuler, Argo Rollout, KEDA ScaledJob); when only custom resources of other kinds could run them the verdict is unknown, and when nothing could it fails. It sets minAvailable or maxUnavailable, not to a value that blocks every eviction whatever the replica count (maxUnavailable 0 or 0%, minAvailable 100%), and sets unhealthyPodEvictionPolicy to one of evictionPolicies (warnings).',
    fix: "Make the selector equal to the workload's pod labels (its own selector labels are the safe choice), set maxUnavailable: 1 (or minAvailable) and unhealthyPodEvictionPolicy: AlwaysAllow (the app generators do).",
    equivalents: {
      kubeScore: ['poddisruptionbudget-has-policy'],
      kubeLinter: ['pdb-unhealthy-pod-eviction-policy', 'pdb-max-unavailable'],
      polaris: ['pdbDisruptionsIsZero'],
    },
    params,
    defaults: () => ({ evictionPolicies: ['AlwaysAllow'] }),
    needs: {
      kube: ['PodDisruptionBudget', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob'],
    },
  },
  check(inv, p) {
    const pdbs = inv.kube('PodDisruptionBudget');
    if (pdbs.length === 0) return nothingToCheck(inv, ['PodDisruptionBudget'], 'PodDisruptionBudgets');
    const out: RuleResult[] = [];
    for (const pdb of pdbs) {
      const spec = (pdb.object.spec ?? {}) as PdbSpec;
      const before = out.length;
      const target = podTarget(inv, pdb.object.metadata.namespace ?? 'default', pdbSelector(pdb));
      if (target.found === 'none' || target.found === 'unknown') {
        out.push(podTargetResult(pdb, target, 'its selector', ['spec', 'selector']));
      }
      if (spec.minAvailable === undefined && spec.maxUnavailable === undefined) {
        out.push(
          kubeResult('warn', pdb, 'sets neither minAvailable nor maxUnavailable: it allows every eviction', ['spec']),
        );
      }
      if (blocksEveryEviction(spec)) {
        const seen = spec.minAvailable === '100%' ? 'minAvailable is 100%' : `maxUnavailable is ${spec.maxUnavailable}`;
        out.push(
          kubeResult('warn', pdb, `${seen}: the budget never allows an eviction, so node drains hang`, ['spec']),
        );
      }
      const policy = spec.unhealthyPodEvictionPolicy;
      if (policy === undefined || !p.evictionPolicies.includes(policy)) {
        const message = `unhealthyPodEvictionPolicy is ${policy ?? 'not set'}; expected ${p.evictionPolicies.join(' or ')} so pods that are not ready never block a drain`;
        out.push(kubeResult('warn', pdb, message, ['spec']));
      }
      if (out.length === before) {
        out.push(
          kubeResult('pass', pdb, `selects pods, states a budget and evicts unhealthy pods (${policy})`, ['spec']),
        );
      }
    }
    return out;
  },
});

import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { getBeside } from '../support/references.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Target kinds the inventory always holds when they exist (a missing one is a failure, not unknown). */
  builtinKinds: z.array(z.string()),
});

interface Target {
  apiVersion?: string;
  kind?: string;
  name?: string;
}

export default defineRule({
  meta: {
    id: 'workloads.scale-targets',
    title: 'Autoscalers target a workload that exists',
    category: 'workloads',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'A HorizontalPodAutoscaler or KEDA ScaledObject whose target is misspelled scales nothing: the workload stays at its fixed replica count under load.',
    verified:
      "Each HorizontalPodAutoscaler's and ScaledObject's scaleTargetRef names an object of that kind (Deployment when a ScaledObject omits it) in the same namespace. A target of another kind (an Argo Rollout, a custom resource with a scale subresource) that the sources do not hold is unknown, not a failure.",
    fix: 'Set scaleTargetRef.kind, apiVersion and name to those of the workload to scale.',
    equivalents: {
      kubeScore: ['horizontalpodautoscaler-has-target'],
      kubeLinter: ['dangling-horizontalpodautoscaler'],
    },
    params,
    defaults: () => ({ builtinKinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] }),
    needs: { kube: ['HorizontalPodAutoscaler', 'ScaledObject', 'Deployment', 'StatefulSet', 'ReplicaSet'] },
  },
  check(inv, p) {
    const scalers = [...inv.kube('HorizontalPodAutoscaler'), ...inv.kube('ScaledObject')];
    if (scalers.length === 0) return nothingToCheck(inv, ['HorizontalPodAutoscaler'], 'autoscalers');
    const out: RuleResult[] = [];
    for (const s of scalers) {
      const ref = (s.object.spec as { scaleTargetRef?: Target } | undefined)?.scaleTargetRef;
      const path = ['spec', 'scaleTargetRef'];
      if (!ref?.name) {
        out.push(kubeResult('fail', s, 'has no scaleTargetRef.name', path));
        continue;
      }
      const kind = ref.kind ?? (s.object.kind === 'ScaledObject' ? 'Deployment' : '');
      const ns = s.object.metadata.namespace ?? 'default';
      const target = `${kind || '(no kind)'} ${ref.name}`;
      if (kind && getBeside(inv, s, kind, ref.name)) out.push(kubeResult('pass', s, `scales ${target}`));
      else if (!kind || p.builtinKinds.includes(kind))
        out.push(kubeResult('fail', s, `scales ${target}, which does not exist in namespace ${ns}`, path));
      else out.push(kubeResult('unknown', s, `scales ${target}; the sources hold no ${kind} of that name`, path));
    }
    return out;
  },
});

import { z } from 'zod';
import { type LabelSelector, matchesSelector } from '../../inventory/selectors.js';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Kinds whose spec.selector must pick their own pod template. */
  kinds: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'workloads.selector-matches-template',
    title: "A workload's selector matches its own pod template",
    category: 'workloads',
    checklist: [],
    severity: { test: 'high', prod: 'critical' },
    why: 'The API server rejects a Deployment, StatefulSet, DaemonSet or ReplicaSet whose selector does not match its template labels, or whose selector is missing: the apply fails in the pipeline, late.',
    verified:
      'Each Deployment, StatefulSet, DaemonSet and ReplicaSet has spec.selector, and it (matchLabels and matchExpressions) matches the labels of spec.template.',
    fix: 'Set spec.selector.matchLabels to a subset of spec.template.metadata.labels, such as app.kubernetes.io/name and app.kubernetes.io/instance.',
    equivalents: {
      kubeScore: [
        'deployment-pod-selector-labels-match-template-metadata-labels',
        'statefulset-pod-selector-labels-match-template-metadata-labels',
      ],
      kubeLinter: ['mismatching-selector'],
    },
    params,
    defaults: () => ({ kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] },
  },
  check(inv, p) {
    const workloads = inv.workloads({ kinds: p.kinds });
    if (workloads.length === 0)
      return nothingToCheck(inv, p.kinds, 'Deployments, StatefulSets, DaemonSets or ReplicaSets');
    const out: RuleResult[] = [];
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      const selector = (w.resource.object.spec as { selector?: LabelSelector } | undefined)?.selector;
      if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && !selector.matchExpressions?.length)) {
        out.push(
          workloadResult(
            'fail',
            w,
            `${w.kind} has no spec.selector; the API server requires one that matches the template labels`,
            ['spec'],
          ),
        );
      } else if (!matchesSelector(selector, w.podLabels)) {
        out.push(
          workloadResult(
            'fail',
            w,
            `spec.selector ${JSON.stringify(selector.matchLabels ?? {})} does not match the template labels ${JSON.stringify(w.podLabels)}`,
            ['spec', 'selector'],
          ),
        );
      } else out.push(workloadResult('pass', w, 'spec.selector matches the pod template labels'));
    }
    return out;
  },
});

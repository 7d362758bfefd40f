import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import { CAPACITY, NODE_LABELS } from '../../platform/node-labels.js';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { requiresNodes } from '../support/scheduling.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Node labels and the values that mean on-demand capacity. */
  onDemandLabels: z.record(z.string(), z.array(z.string()).min(1)),
});

export default defineRule({
  meta: {
    id: 'cost.on-demand-stateful',
    title: 'Stateful workloads run on on-demand nodes',
    category: 'cost',
    checklist: [],
    severity: { test: 'info', prod: 'medium' },
    why: "Spot capacity is cheap because it can be reclaimed at two minutes' notice; a database replica on a reclaimed node is offline until its volume reattaches elsewhere.",
    verified:
      "Each StatefulSet requires on-demand nodes through nodeSelector or required node affinity (eks.amazonaws.com/capacityType ON_DEMAND, karpenter.sh/capacity-type on-demand, or the platform's slipway.io/capacity on-demand label); a warning when it does not.",
    fix: 'Add a required node affinity on slipway.io/capacity: on-demand (the stateful generator does).',
    equivalents: {},
    params,
    defaults: () => ({
      onDemandLabels: {
        'eks.amazonaws.com/capacityType': ['ON_DEMAND'],
        'karpenter.sh/capacity-type': ['on-demand'],
        [NODE_LABELS.capacity]: [CAPACITY.onDemand],
      },
    }),
    needs: { kube: ['StatefulSet'] },
  },
  check(inv, p) {
    const sets = inv.workloads({ kinds: ['StatefulSet'] });
    if (sets.length === 0) return nothingToCheck(inv, ['StatefulSet'], 'StatefulSets');
    const out: RuleResult[] = [];
    for (const w of sets) {
      out.push(
        requiresNodes(w, p.onDemandLabels)
          ? workloadResult('pass', w, 'requires on-demand nodes', podSpecPath(w, 'affinity'))
          : workloadResult('warn', w, 'may be scheduled on spot nodes that can be reclaimed', podSpecPath(w)),
      );
    }
    return out;
  },
});

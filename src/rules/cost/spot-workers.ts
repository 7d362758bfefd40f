import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import { CAPACITY, NODE_LABELS } from '../../platform/node-labels.js';
import { nothingToCheck } from '../support/coverage.js';
import { consumerEvidence } from '../support/queues.js';
import { workloadResult } from '../support/results.js';
import { prefersNodes } from '../support/scheduling.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Node labels and the values that mean spot capacity. */
  spotLabels: z.record(z.string(), z.array(z.string()).min(1)),
  queueTriggers: z.array(z.string()).min(1),
  queueEnv: z.string().min(1),
});

const CANDIDATE_KINDS = { kinds: ['Deployment', 'CronJob'] };

export default defineRule({
  meta: {
    id: 'cost.spot-workers',
    title: 'Interruptible workloads (queue workers, CronJobs) run on spot nodes',
    category: 'cost',
    checklist: [],
    severity: { test: 'info', prod: 'low' },
    why: 'Queue workers and batch jobs tolerate interruption; on spot capacity they cost up to 90% less than on demand.',
    verified:
      'Each queue consumer and CronJob selects or prefers spot nodes (nodeSelector or node affinity on eks.amazonaws.com/capacityType SPOT, karpenter.sh/capacity-type spot or the platform slipway.io/capacity spot label); a warning when not.',
    fix: 'Add a node affinity preferring spot nodes (the worker and cron generators do when a spot node group exists).',
    equivalents: {},
    params,
    defaults: () => ({
      spotLabels: {
        'eks.amazonaws.com/capacityType': ['SPOT'],
        'karpenter.sh/capacity-type': ['spot'],
        [NODE_LABELS.capacity]: [CAPACITY.spot],
      },
      queueTriggers: ['aws-sqs-queue', 'rabbitmq', 'kafka', 'aws-kinesis-stream', 'redis-lists', 'redis-streams'],
      queueEnv: '(^|_)(SQS_)?QUEUE_(URL|NAME|ARN)$|^SQS_',
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'CronJob', 'ScaledObject'] },
  },
  check(inv, p) {
    const env = new RegExp(p.queueEnv);
    const workloads = inv.workloads(CANDIDATE_KINDS);
    const out: RuleResult[] = [];
    // One pass, one result per candidate: an indexed loop, since it runs before the JIT optimises it.
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      if (w.kind !== 'CronJob' && consumerEvidence(inv, w, p.queueTriggers, env) === undefined) continue;
      out.push(
        prefersNodes(w, p.spotLabels)
          ? workloadResult('pass', w, 'runs on spot capacity', podSpecPath(w))
          : workloadResult('warn', w, 'interruptible but not placed on spot nodes', podSpecPath(w)),
      );
    }
    if (out.length === 0) return nothingToCheck(inv, ['CronJob'], 'queue workers or CronJobs');
    return out;
  },
});

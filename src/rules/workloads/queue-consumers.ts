import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import type { ValuePath } from '../../util/paths.js';
import { nothingToCheck } from '../support/coverage.js';
import { consumerEvidence, triggerOfType, triggersOf } from '../support/queues.js';
import { workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** KEDA trigger types that scale on queue depth. */
  queueTriggers: z.array(z.string()).min(1),
  /** Env var names (regular expression) that mark a queue consumer. */
  queueEnv: z.string().min(1),
  /** Least terminationGracePeriodSeconds for finishing the message in hand (workloads.terminationGraceSeconds). */
  minGraceSeconds: z.number().int().min(0),
});

/** Kubernetes' default grace period when the pod spec does not set one. */
const KUBERNETES_DEFAULT_GRACE = 30;

interface HpaMetric {
  type?: string;
}

const CONSUMER_KINDS = { kinds: ['Deployment', 'StatefulSet'] };

export default defineRule({
  meta: {
    id: 'workloads.queue-consumers',
    title: 'Queue workers scale on queue depth, authenticate through Pod Identity and shut down gracefully',
    category: 'workloads',
    checklist: [],
    severity: { test: 'low', prod: 'medium' },
    why: 'CPU says little about a backlog: a worker waiting on a deep queue is idle. KEDA scaling on queue depth follows the backlog; its trigger must authenticate without stored keys, and workers need time to finish the message in hand on SIGTERM.',
    verified:
      'For each Deployment or StatefulSet targeted by a KEDA ScaledObject with a queue trigger (aws-sqs-queue, …) or reading a queue env var (SQS_QUEUE_URL, …): a ScaledObject with a queue trigger scales it (an HPA on CPU alone fails); every queue trigger has an authenticationRef or identityOwner: operator and no inline keys; terminationGracePeriodSeconds is at least workloads.terminationGraceSeconds.',
    fix: 'Use the worker pattern (`queue:` in slipway.config.yaml): it creates a ScaledObject on the SQS queue with a TriggerAuthentication using Pod Identity, and sets the grace period.',
    equivalents: {},
    params,
    defaults: (env) => ({
      queueTriggers: [
        'aws-sqs-queue',
        'rabbitmq',
        'kafka',
        'aws-kinesis-stream',
        'redis-lists',
        'redis-streams',
        'gcp-pubsub',
        'azure-servicebus',
      ],
      queueEnv: '(^|_)(SQS_)?QUEUE_(URL|NAME|ARN)$|^SQS_',
      minGraceSeconds: env.workloads.terminationGraceSeconds,
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'ScaledObject', 'HorizontalPodAutoscaler', 'TriggerAuthentication'] },
  },
  check(inv, p) {
    const envPattern = new RegExp(p.queueEnv);
    const workloads = inv.workloads(CONSUMER_KINDS);
    const out: RuleResult[] = [];
    // Indexed loop: it runs per Deployment and StatefulSet, mostly before the JIT optimises it (consumers are few).
    for (let wi = 0; wi < workloads.length; wi++) {
      const w = workloads[wi];
      const why = consumerEvidence(inv, w, p.queueTriggers, envPattern);
      if (why === undefined) continue;
      const problems: [string, ValuePath][] = [];
      const scaled = inv.scaledObjectsFor(w).filter((so) => triggerOfType(so, p.queueTriggers) !== undefined);
      if (scaled.length === 0) {
        const hpas = inv.hpasFor(w);
        const external = hpas.some((h) =>
          ((h.object.spec as { metrics?: HpaMetric[] } | undefined)?.metrics ?? []).some((m) => m.type === 'External'),
        );
        if (!external) {
          problems.push([
            hpas.length > 0
              ? 'scaled by an HPA on CPU/memory, not on queue depth'
              : 'not scaled on queue depth (no ScaledObject)',
            ['spec'],
          ]);
        }
      }
      for (const so of scaled) {
        for (const t of triggersOf(so)) {
          if (!t.type || !p.queueTriggers.includes(t.type)) continue;
          const meta = t.metadata ?? {};
          if ('awsAccessKeyID' in meta || 'awsSecretAccessKey' in meta) {
            problems.push([`ScaledObject ${so.object.metadata.name} has AWS keys in its trigger`, ['spec']]);
          } else if (!t.authenticationRef && meta.identityOwner !== 'operator') {
            problems.push([`ScaledObject ${so.object.metadata.name} trigger has no authenticationRef`, ['spec']]);
          }
        }
      }
      const grace = (w.template.spec?.terminationGracePeriodSeconds as number | undefined) ?? KUBERNETES_DEFAULT_GRACE;
      if (grace < p.minGraceSeconds) {
        problems.push([
          `terminationGracePeriodSeconds ${grace} is below ${p.minGraceSeconds}`,
          podSpecPath(w, 'terminationGracePeriodSeconds'),
        ]);
      }
      out.push(
        problems.length === 0
          ? workloadResult('pass', w, `queue consumer (${why}) scales on queue depth with authenticated triggers`)
          : workloadResult(
              'fail',
              w,
              `queue consumer (${why}): ${problems.map((x) => x[0]).join('; ')}`,
              problems[0][1],
            ),
      );
    }
    if (out.length === 0) return nothingToCheck(inv, ['Deployment'], 'queue consumers');
    return out;
  },
});

import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import { unknownKube } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { count, kubeResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Restarts of one container that are worth a warning even when it is running now. */
  maxRestarts: z.number().int().min(1),
});

interface ContainerStatus {
  name?: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string } };
}

export default defineRule({
  meta: {
    id: 'reliability.live-crashloop',
    title: 'No pods are crash-looping',
    category: 'reliability',
    checklist: ['reliability.probes'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A container in CrashLoopBackOff serves nothing, and restarts that keep climbing hide a failing dependency or a probe that kills healthy pods.',
    verified:
      "Live or from a dump: each Pod's status.containerStatuses (and init containers). A container waiting in CrashLoopBackOff fails; a restartCount at or above the threshold (alarms.podRestarts) warns.",
    fix: 'Read the previous logs (`kubectl logs <pod> -c <container> --previous`) and events (`kubectl describe pod`), then fix the crash, the probe or the resource limit that causes it.',
    equivalents: {},
    params,
    defaults: (env) => ({ maxRestarts: env.alarms.podRestarts }),
    needs: { kube: ['Pod'] },
  },
  check(inv, p) {
    const skip = needsLiveFacts(inv, { kind: 'Pod', name: '*' }, 'Container restart state');
    if (skip) return skip;
    const unknown = unknownKube(inv, ['Pod']);
    if (unknown) return unknown;
    const pods = inv.kube('Pod');
    if (pods.length === 0) return [result('skip', { kind: 'Pod', name: '*' }, 'no pods in the sources')];
    const out: RuleResult[] = [];
    for (const pod of pods) out.push(...judgePod(pod, p.maxRestarts));
    if (out.length === 0) {
      out.push(
        result(
          'pass',
          { kind: 'Pod', name: '*' },
          `${count(pods.length, 'pod')}, none crash-looping or restarting often`,
        ),
      );
    }
    return out;
  },
});

function judgePod(pod: KubeResource, maxRestarts: number): RuleResult[] {
  const status = pod.object.status as
    | { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] }
    | undefined;
  const out: RuleResult[] = [];
  for (const [field, list] of [
    ['containerStatuses', status?.containerStatuses],
    ['initContainerStatuses', status?.initContainerStatuses],
  ] as const) {
    (list ?? []).forEach((c, i) => {
      const restarts = c.restartCount ?? 0;
      const path = ['status', field, i];
      if (c.state?.waiting?.reason === 'CrashLoopBackOff') {
        out.push(
          kubeResult(
            'fail',
            pod,
            `container ${c.name} is in CrashLoopBackOff after ${count(restarts, 'restart')}`,
            path,
            c.name,
          ),
        );
      } else if (restarts >= maxRestarts) {
        out.push(
          kubeResult(
            'warn',
            pod,
            `container ${c.name} restarted ${restarts} times; threshold ${maxRestarts}`,
            path,
            c.name,
          ),
        );
      }
    });
  }
  return out;
}

import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Workload } from '../../inventory/workloads.js';
import { containerResult, workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const verdict = z.enum(['fail', 'warn']);

const params = z.object({
  /** Status of a Pod that no controller manages (nothing recreates it when its node goes). */
  nakedPod: verdict,
  /** Namespaces workloads should not run in. */
  forbiddenNamespaces: z.array(z.string()),
});

/** Results about each container: env names set twice, and a liveness probe identical to the readiness probe. */
function containerFindings(w: Workload): RuleResult[] {
  const out: RuleResult[] = [];
  for (const c of containersOf(w, WITH_INIT)) {
    const name = c.container.name;
    const env = (c.container.env ?? []) as { name?: string }[];
    const seen = new Set<string>();
    env.forEach((e, i) => {
      if (e.name === undefined) return;
      if (seen.has(e.name)) {
        const message = `container ${name} sets env ${e.name} more than once; only the last value counts`;
        out.push(containerResult('fail', w, c, message, c.path.concat('env', i)));
      }
      seen.add(e.name);
    });
    const readiness = c.container.readinessProbe;
    const liveness = c.container.livenessProbe;
    if (readiness !== undefined && liveness !== undefined && isDeepStrictEqual(readiness, liveness)) {
      const message = `container ${name} has identical readiness and liveness probes: a slow dependency fails both, so pods are restarted instead of only taken out of the Service`;
      out.push(containerResult('fail', w, c, message, c.path.concat('livenessProbe')));
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'workloads.pod-hygiene',
    title: 'Pods are managed by a controller, outside the default namespace, with distinct probes and unique env names',
    category: 'workloads',
    checklist: ['reliability.probes'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A bare Pod is gone for good when its node is drained or lost; the default namespace has no quota, policies or access boundary of its own; a liveness probe identical to the readiness probe turns an overloaded dependency into a restart storm; an env name set twice silently keeps only its last value.',
    verified:
      'No workload is a Pod without an owning controller (nakedPod) or runs in one of forbiddenNamespaces (a warning); no container sets the same env name twice or has a liveness probe identical to its readiness probe (timing included).',
    fix: 'Run pods through a Deployment, StatefulSet or Job; give each app its namespace; make the liveness probe cheaper and more patient than readiness (another path, a larger period or failureThreshold); remove duplicate env entries.',
    equivalents: {
      kubeScore: ['pod-probes-identical', 'environment-variable-key-duplication'],
      kubeLinter: ['duplicate-env-var', 'no-liveness-probe', 'use-namespace'],
      kubescape: ['C-0073', 'C-0061'],
    },
    params,
    defaults: (env) => ({
      nakedPod: env.registry.immutableTags ? ('fail' as const) : ('warn' as const),
      forbiddenNamespaces: ['default'],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'], 'workloads', (w) => {
      const out = containerFindings(w);
      if (w.kind === 'Pod' && !w.owned) {
        const message = 'is a bare Pod: no controller recreates it when its node is drained or fails';
        out.push(workloadResult(p.nakedPod, w, message));
      }
      if (p.forbiddenNamespaces.includes(w.namespace)) {
        out.push(workloadResult('warn', w, `runs in namespace ${w.namespace}; expected a namespace of its own`));
      }
      if (out.length === 0)
        out.push(workloadResult('pass', w, 'is managed, namespaced, with distinct probes and unique env names'));
      return out;
    }),
});

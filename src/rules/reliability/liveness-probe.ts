import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { containersOf, isServed } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Workload kinds whose containers need a liveness probe. */
  kinds: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'reliability.liveness-probe',
    title: 'Long-running containers have a liveness probe',
    category: 'reliability',
    checklist: ['reliability.probes'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A process that hangs without exiting is never restarted unless a liveness probe notices it.',
    verified:
      'Every container of every Deployment, StatefulSet and DaemonSet that a Service selects has a livenessProbe; for workloads no Service selects (queue workers) a missing probe is a warning. Jobs and CronJobs end on their own and are not checked.',
    fix: 'Add a livenessProbe that fails only when a restart would help (a deadlock, a wedged event loop), with a longer initial delay than the readiness probe; a worker without a port can use an exec probe on a heartbeat file.',
    equivalents: {
      polaris: ['livenessProbeMissing'],
      kubeScore: ['pod-probes'],
      kubeLinter: ['no-liveness-probe'],
      checkov: ['CKV_K8S_8'],
    },
    params,
    defaults: () => ({ kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service'] },
  },
  check(inv, p) {
    const workloads = inv.workloads({ kinds: p.kinds });
    if (workloads.length === 0) return nothingToCheck(inv, p.kinds, 'long-running workloads');
    const out: RuleResult[] = [];
    for (const w of workloads) {
      const missing = isServed(inv, w) ? 'fail' : 'warn';
      for (const c of containersOf(w)) {
        const name = c.container.name;
        out.push(
          c.container.livenessProbe
            ? workloadResult('pass', w, `container ${name} has a liveness probe`, [...c.path, 'livenessProbe'], name)
            : workloadResult(missing, w, `container ${name} has no livenessProbe`, c.path, name),
        );
      }
    }
    return out;
  },
});

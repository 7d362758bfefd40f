import { z } from 'zod';
import { isServed } from '../../inventory/workload-facts.js';
import { probeResults } from '../support/probe-checks.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { containersOf } from '../support/workloads.js';
import { defineRule } from '../types.js';

const missingProbe = (name: string) => `container ${name} has no livenessProbe`;

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
    defaults: () => ({ kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, p.kinds, 'long-running workloads', (w) =>
      probeResults(w, containersOf(w), 'livenessProbe', isServed(inv, w) ? 'fail' : 'warn', missingProbe),
    ),
});

import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { containersOf, isServed } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Workload kinds whose containers need a readiness probe when a Service sends them traffic. */
  kinds: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'reliability.readiness-probe',
    title: 'Served containers have a readiness probe',
    category: 'reliability',
    checklist: ['reliability.probes'],
    pitfall: 4,
    severity: { test: 'medium', prod: 'high' },
    why: 'Without a readiness probe a pod receives traffic as soon as its process starts, before it can answer, and keeps receiving it when it cannot.',
    verified:
      'For each Deployment, StatefulSet and DaemonSet that a Service selects, every container that declares ports (every container when none does) has a readinessProbe. Workloads no Service selects are not checked.',
    fix: 'Add a readinessProbe that checks what the app needs to serve (an HTTP /health or /ready endpoint, a TCP port), separate from the liveness probe.',
    equivalents: {
      polaris: ['readinessProbeMissing'],
      kubeScore: ['pod-probes'],
      kubeLinter: ['no-readiness-probe'],
      checkov: ['CKV_K8S_9'],
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
      if (!isServed(inv, w)) {
        out.push(workloadResult('skip', w, 'no Service selects this workload, so no traffic depends on readiness'));
        continue;
      }
      const containers = containersOf(w);
      const withPorts = containers.filter((c) => Array.isArray(c.container.ports) && c.container.ports.length > 0);
      for (const c of withPorts.length > 0 ? withPorts : containers) {
        const name = c.container.name;
        if (c.container.readinessProbe) {
          out.push(
            workloadResult('pass', w, `container ${name} has a readiness probe`, [...c.path, 'readinessProbe'], name),
          );
        } else {
          out.push(
            workloadResult(
              'fail',
              w,
              `container ${name} is served by a Service but has no readinessProbe`,
              c.path,
              name,
            ),
          );
        }
      }
    }
    return out;
  },
});

import { z } from 'zod';
import { isServed } from '../../inventory/workload-facts.js';
import { probeResults } from '../support/probe-checks.js';
import { workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { type ContainerRef, containersOf } from '../support/workloads.js';
import { defineRule } from '../types.js';

function hasPorts(c: ContainerRef): boolean {
  return Array.isArray(c.container.ports) && c.container.ports.length > 0;
}

/** The containers that declare ports; every container when none does. */
function servingContainers(containers: readonly ContainerRef[]): readonly ContainerRef[] {
  // Indexed loops, and no copy when every container or none declares ports (the usual cases): runs per workload.
  let withPorts = 0;
  for (let i = 0; i < containers.length; i++) if (hasPorts(containers[i])) withPorts++;
  if (withPorts === 0 || withPorts === containers.length) return containers;
  const out: ContainerRef[] = [];
  for (let i = 0; i < containers.length; i++) if (hasPorts(containers[i])) out.push(containers[i]);
  return out;
}

const missingProbe = (name: string) => `container ${name} is served by a Service but has no readinessProbe`;

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
    defaults: () => ({ kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, p.kinds, 'long-running workloads', (w) =>
      isServed(inv, w)
        ? probeResults(w, servingContainers(containersOf(w)), 'readinessProbe', 'fail', missingProbe)
        : workloadResult('skip', w, 'no Service selects this workload, so no traffic depends on readiness'),
    ),
});

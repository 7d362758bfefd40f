import { z } from 'zod';
import { isServed, PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { probeResults } from '../support/probe-checks.js';
import { workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { type ContainerRef, containersOf } from '../support/workloads.js';
import { defineRule } from '../types.js';

function hasPorts(c: ContainerRef): boolean {
  return Array.isArray(c.container.ports) && c.container.ports.length > 0;
}

/**
 * The containers that need a readiness probe: those that declare ports; when
 * none does, every container of a workload a Service selects (it gets traffic
 * on ports it does not declare), and none of any other workload.
 */
function containersNeedingProbe(containers: readonly ContainerRef[], served: boolean): readonly ContainerRef[] {
  // Indexed loops, and no copy when every container or none declares ports (the usual cases): runs per workload.
  let withPorts = 0;
  for (let i = 0; i < containers.length; i++) if (hasPorts(containers[i])) withPorts++;
  if (withPorts === 0) return served ? containers : [];
  if (withPorts === containers.length) return containers;
  const out: ContainerRef[] = [];
  for (let i = 0; i < containers.length; i++) if (hasPorts(containers[i])) out.push(containers[i]);
  return out;
}

const missingProbe = (name: string) => `container ${name} serves on ports but has no readinessProbe`;

const params = z.object({
  /** Long-running workload kinds whose serving containers need a readiness probe (Jobs and CronJobs end on their own). */
  kinds: z.array(z.string()).min(1),
  /**
   * Namespaces of the cluster's and the platform's add-ons: there a container
   * with ports needs a probe only when a Service selects it (their makers
   * choose their probes, and a node agent's port is often for metrics).
   */
  addOnNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'reliability.readiness-probe',
    title: 'Long-running containers with ports have a readiness probe',
    category: 'reliability',
    checklist: ['reliability.probes'],
    pitfall: 4,
    severity: { test: 'medium', prod: 'high' },
    why: 'Without a readiness probe a pod receives traffic as soon as its process starts, before it can answer, and keeps receiving it when it cannot. A container that declares ports serves something even when no Service in the sources selects it today: a Service, an Ingress or a mesh added later, or one in another repository, routes to it by readiness, and rollouts (maxUnavailable, PodDisruptionBudgets) count a pod as available only once it is ready. Jobs and CronJobs end on their own and are not checked.',
    verified:
      'For each Deployment, StatefulSet, DaemonSet and bare Pod, every container that declares ports has a readinessProbe; when no container declares ports and a Service selects the workload, every container needs one. Workloads without ports that no Service selects (queue workers) are skipped, and so are the unselected workloads of the add-on namespaces (kube-system, amazon-cloudwatch, …: addOnNamespaces).',
    fix: 'Add a readinessProbe that checks what the app needs to serve (an HTTP /health or /ready endpoint, a TCP port), separate from the liveness probe.',
    equivalents: {
      polaris: ['readinessProbeMissing'],
      kubeScore: ['pod-probes'],
      kubeLinter: ['no-readiness-probe'],
      checkov: ['CKV_K8S_9'],
    },
    params,
    defaults: () => ({
      kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'],
      addOnNamespaces: [...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, p.kinds, 'long-running workloads', (w) => {
      const served = isServed(inv, w);
      if (!served && p.addOnNamespaces.includes(w.namespace)) {
        return workloadResult('skip', w, `no Service selects this add-on workload in ${w.namespace}`);
      }
      const containers = containersNeedingProbe(containersOf(w), served);
      return containers.length > 0
        ? probeResults(w, containers, 'readinessProbe', 'fail', missingProbe)
        : workloadResult(
            'skip',
            w,
            'no container declares a port and no Service selects this workload, so no traffic depends on readiness',
          );
    }),
});

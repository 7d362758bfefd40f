import { z } from 'zod';
import { isUserFacing } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { kubeResult, workloadResult } from '../support/results.js';
import { type ContainerRef, containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Status when a user-facing Deployment has no autoscaler (warn: not every service needs one). */
  missingStatus: z.enum(['warn', 'fail']),
  /** Status of a missing autoscaler on a Deployment Slipway did not generate and the user did not opt in. */
  thirdParty: thirdPartyStatus,
});

interface HpaSpec {
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: { type?: string; resource?: { name?: string; target?: { type?: string } } }[];
}

const DEPLOYMENTS = { kinds: ['Deployment'] };

type HpaMetric = NonNullable<HpaSpec['metrics']>[number];

/** The resource (cpu or memory) a metric targets by Utilization: a percentage of the containers' requests. */
function utilisationOf(m: HpaMetric): 'cpu' | 'memory' | undefined {
  if (m.type !== 'Resource' || m.resource?.target?.type !== 'Utilization') return undefined;
  const name = m.resource?.name;
  return name === 'cpu' || name === 'memory' ? name : undefined;
}

/** The resources the metrics target by Utilization, in metric order (for the message). */
function utilisationNames(metrics: readonly HpaMetric[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < metrics.length; i++) {
    const name = utilisationOf(metrics[i]);
    if (name) out.push(name);
  }
  return out;
}

/** The first container that lacks a cpu (when `cpu`) or memory (when `memory`) request. */
function firstLacking(containers: readonly ContainerRef[], cpu: boolean, memory: boolean): ContainerRef | undefined {
  for (let i = 0; i < containers.length; i++) {
    const resources = containers[i].container.resources as { requests?: Record<string, unknown> } | undefined;
    const requests = resources?.requests;
    if ((cpu && requests?.cpu === undefined) || (memory && requests?.memory === undefined)) return containers[i];
  }
  return undefined;
}

const NO_METRICS: readonly HpaMetric[] = [];

export default defineRule({
  meta: {
    id: 'reliability.autoscaling',
    title: 'User-facing Deployments scale with traffic',
    category: 'reliability',
    checklist: ['reliability.replicas'],
    severity: { test: 'info', prod: 'medium' },
    why: 'A fixed replica count is either too many at night or too few at the peak; an autoscaler follows the traffic. A utilisation target also needs the requests it is a percentage of.',
    verified:
      'Each Deployment that a load-balancing Service selects is targeted by a HorizontalPodAutoscaler or KEDA ScaledObject whose maximum is above its minimum (missingStatus when there is none, a warning by default; "user-facing" is a heuristic of Slipway, so on Deployments it did not generate and the user did not opt in with slipway.io/conventions: enforce, it is at most thirdParty, with that reason); an HPA with a CPU or memory Utilization target fails when a container of the target lacks that request, since utilisation cannot be computed.',
    fix: 'Add an HPA on CPU (apps: `autoscaling:` in slipway.config.yaml) with maxReplicas above minReplicas, and set resources.requests on every container.',
    equivalents: {},
    params,
    defaults: () => ({ missingStatus: 'warn' as const, thirdParty: 'warn' as const }),
    needs: { kube: ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'ScaledObject'] },
  },
  check(inv, p) {
    const deployments = inv.workloads(DEPLOYMENTS);
    if (deployments.length === 0) return nothingToCheck(inv, ['Deployment'], 'Deployments');
    const out: RuleResult[] = [];
    // Indexed loops: they run per Deployment and container, mostly before the JIT optimises them.
    for (let i = 0; i < deployments.length; i++) {
      const w = deployments[i];
      const hpa = inv.hpasFor(w)[0];
      if (!hpa) {
        const so = inv.scaledObjectsFor(w)[0];
        if (so) {
          out.push(workloadResult('pass', w, `scaled by ScaledObject ${so.object.metadata.name}`));
        } else {
          if (isUserFacing(inv, w)) {
            const seen = 'no HPA or ScaledObject scales this user-facing Deployment';
            const v = conventionVerdict(ownership(inv, w.resource, w), p.missingStatus, seen, p.thirdParty);
            out.push(workloadResult(v.status, w, v.message, ['spec', 'replicas']));
          } else out.push(workloadResult('skip', w, 'not user-facing and not autoscaled'));
        }
        continue;
      }
      const spec = (hpa.object.spec ?? {}) as HpaSpec;
      const min = spec.minReplicas ?? 1;
      const max = spec.maxReplicas ?? min;
      // Which requests a Utilization target needs; the names are listed only in a failure.
      const metrics = spec.metrics ?? NO_METRICS;
      let cpu = false;
      let memory = false;
      for (let j = 0; j < metrics.length; j++) {
        const name = utilisationOf(metrics[j]);
        if (name === 'cpu') cpu = true;
        else if (name === 'memory') memory = true;
      }
      const lacking = cpu || memory ? firstLacking(containersOf(w), cpu, memory) : undefined;
      if (lacking) {
        out.push(
          kubeResult(
            'fail',
            hpa,
            `targets ${utilisationNames(metrics).join('/')} utilisation but container ${lacking.container.name} of ${w.name} sets no such request`,
            ['spec', 'metrics'],
          ),
        );
      } else if (max <= min) {
        out.push(
          kubeResult('warn', hpa, `maxReplicas ${max} leaves no room above minReplicas ${min}`, [
            'spec',
            'maxReplicas',
          ]),
        );
      } else {
        out.push(workloadResult('pass', w, `HPA ${hpa.object.metadata.name} scales it from ${min} to ${max}`));
      }
    }
    return out;
  },
});

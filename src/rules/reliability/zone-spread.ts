import { z } from 'zod';
import { isUserFacing, podSpecPath, REPLICATED_KINDS, replicaRange } from '../../inventory/workload-facts.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Node label keys that name a zone. */
  zoneKeys: z.array(z.string()).min(1),
  /** Workloads whose largest replica count reaches this must spread. */
  fromReplicas: z.number().int().min(2),
  /** Status of a user-facing workload without spread that Slipway did not generate and the user did not opt in. */
  thirdParty: thirdPartyStatus,
});

// Whole messages, not a template with a choice in it: no string is built per workload.
const SPREAD_BY_CONSTRAINTS = 'spreads by zone through topologySpreadConstraints';
const SPREAD_BY_AFFINITY = 'spreads by zone through pod anti-affinity';

interface AffinityTerm {
  topologyKey?: string;
}
interface PodSpecSpread {
  topologySpreadConstraints?: AffinityTerm[];
  affinity?: {
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[];
      preferredDuringSchedulingIgnoredDuringExecution?: { podAffinityTerm?: AffinityTerm }[];
    };
  };
}

export default defineRule({
  meta: {
    id: 'reliability.zone-spread',
    title: 'Replicas spread across availability zones',
    category: 'reliability',
    checklist: ['reliability.replicas', 'infrastructure.multi-az-nodes'],
    severity: { test: 'info', prod: 'medium' },
    why: 'Nodes in several zones only survive a zone outage if the replicas of each workload are not all in the same zone.',
    verified:
      'Each Deployment and StatefulSet that can run two or more replicas has a topologySpreadConstraint or a pod anti-affinity term on a zone key (topology.kubernetes.io/zone). Missing on a user-facing workload fails; on others (workers, no load-balancing Service) it is a warning. "User-facing" is a heuristic of Slipway: the failure applies to workloads Slipway generated (app.kubernetes.io/managed-by: slipway) or the user opted in (slipway.io/conventions: enforce), and is thirdParty (a warning) on others, with that reason.',
    fix: 'Add topologySpreadConstraints with topologyKey topology.kubernetes.io/zone, maxSkew 1 and whenUnsatisfiable ScheduleAnyway, selecting the pod labels.',
    equivalents: { kubeScore: ['deployment-has-host-podantiaffinity'] },
    params,
    defaults: (env) => ({
      zoneKeys: ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'],
      fromReplicas: Math.max(2, env.workloads.minReplicas),
      thirdParty: 'warn' as const,
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'HorizontalPodAutoscaler', 'ScaledObject', 'Service'] },
  },
  check: (inv, p) => {
    const zoneKeys = p.zoneKeys;
    const fewReplicas = `runs fewer than ${p.fromReplicas} replicas`;
    return checkWorkloads(inv, REPLICATED_KINDS, 'Deployments or StatefulSets', (w) => {
      const range = replicaRange(inv, w);
      if (!range || range.max < p.fromReplicas) return workloadResult('skip', w, fewReplicas);
      const spec = w.template.spec as PodSpecSpread | null | undefined;
      if (anyZoneTerm(spec?.topologySpreadConstraints, zoneKeys)) {
        return workloadResult('pass', w, SPREAD_BY_CONSTRAINTS, podSpecPath(w, 'topologySpreadConstraints'));
      }
      const anti = spec?.affinity?.podAntiAffinity;
      if (
        anyZoneTerm(anti?.requiredDuringSchedulingIgnoredDuringExecution, zoneKeys) ||
        anyPreferredZoneTerm(anti?.preferredDuringSchedulingIgnoredDuringExecution, zoneKeys)
      ) {
        return workloadResult('pass', w, SPREAD_BY_AFFINITY, podSpecPath(w, 'affinity'));
      }
      const seen = `${range.max} replicas with no zone spread: the scheduler may place them all in one zone`;
      if (!isUserFacing(inv, w)) return workloadResult('warn', w, seen, podSpecPath(w));
      const v = conventionVerdict(ownership(inv, w.resource, w), 'fail', seen, p.thirdParty);
      return workloadResult(v.status, w, v.message, podSpecPath(w));
    });
  },
});

// Indexed loops and no closures: these run per workload, mostly before the JIT optimises them.

/** Whether a spread constraint or anti-affinity term spreads over one of the zone keys. */
function anyZoneTerm(terms: readonly AffinityTerm[] | null | undefined, zoneKeys: readonly string[]): boolean {
  if (!terms) return false;
  for (let i = 0; i < terms.length; i++) if (isZoneKey(terms[i].topologyKey, zoneKeys)) return true;
  return false;
}

function anyPreferredZoneTerm(
  terms: readonly { podAffinityTerm?: AffinityTerm }[] | null | undefined,
  zoneKeys: readonly string[],
): boolean {
  if (!terms) return false;
  for (let i = 0; i < terms.length; i++) if (isZoneKey(terms[i].podAffinityTerm?.topologyKey, zoneKeys)) return true;
  return false;
}

function isZoneKey(key: string | undefined, zoneKeys: readonly string[]): boolean {
  return key !== undefined && zoneKeys.includes(key);
}

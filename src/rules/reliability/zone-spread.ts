import { z } from 'zod';
import { workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { isUserFacing, podSpecPath, REPLICATED_KINDS, replicaRange } from '../support/workloads.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Node label keys that name a zone. */
  zoneKeys: z.array(z.string()).min(1),
  /** Workloads whose largest replica count reaches this must spread. */
  fromReplicas: z.number().int().min(2),
});

interface AffinityTerm {
  topologyKey?: string;
}
interface PodSpecSpread {
  topologySpreadConstraints?: { topologyKey?: string }[];
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
      'Each Deployment and StatefulSet that can run two or more replicas has a topologySpreadConstraint or a pod anti-affinity term on a zone key (topology.kubernetes.io/zone). Missing on a user-facing workload fails; on others (workers, no load-balancing Service) it is a warning.',
    fix: 'Add topologySpreadConstraints with topologyKey topology.kubernetes.io/zone, maxSkew 1 and whenUnsatisfiable ScheduleAnyway, selecting the pod labels.',
    equivalents: { kubeScore: ['deployment-has-host-podantiaffinity'] },
    params,
    defaults: (env) => ({
      zoneKeys: ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'],
      fromReplicas: Math.max(2, env.workloads.minReplicas),
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'HorizontalPodAutoscaler', 'ScaledObject', 'Service'] },
  },
  check: (inv, p) =>
    checkWorkloads(inv, REPLICATED_KINDS, 'Deployments or StatefulSets', (w) => {
      const range = replicaRange(inv, w);
      if (!range || range.max < p.fromReplicas) {
        return workloadResult('skip', w, `runs fewer than ${p.fromReplicas} replicas`);
      }
      const spec = (w.template.spec ?? {}) as PodSpecSpread;
      const isZone = (key: string | undefined) => key !== undefined && p.zoneKeys.includes(key);
      const tsc = (spec.topologySpreadConstraints ?? []).some((c) => isZone(c.topologyKey));
      const anti = spec.affinity?.podAntiAffinity;
      const affinity =
        (anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some((t) => isZone(t.topologyKey)) ||
        (anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((t) =>
          isZone(t.podAffinityTerm?.topologyKey),
        );
      if (tsc || affinity) {
        return workloadResult(
          'pass',
          w,
          `spreads by zone through ${tsc ? 'topologySpreadConstraints' : 'pod anti-affinity'}`,
          podSpecPath(w, tsc ? 'topologySpreadConstraints' : 'affinity'),
        );
      }
      return workloadResult(
        isUserFacing(inv, w) ? 'fail' : 'warn',
        w,
        `${range.max} replicas with no zone spread: the scheduler may place them all in one zone`,
        podSpecPath(w),
      );
    }),
});

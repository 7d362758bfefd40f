import type { EnvironmentConfig } from '../config/types.js';
import { CAPACITY, NODE_LABELS } from '../platform/node-labels.js';
import type * as k8s from './cdk/k8s.js';

/** The node label the platform sets on every managed node group: on-demand or spot. */
export const CAPACITY_LABEL = NODE_LABELS.capacity;
export { CAPACITY };

export const ZONE_KEY = 'topology.kubernetes.io/zone';
export const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** Stateful pods only on on-demand nodes: a spot reclaim would take the data's only copy offline. */
export function onDemandOnly(): k8s.NodeAffinity {
  return {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: CAPACITY_LABEL, operator: 'In', values: [CAPACITY.onDemand] }] }],
    },
  };
}

/** Workers and jobs prefer spot (interruptible work, cheaper) but still run on on-demand when spot is short. */
export function prefersSpot(): k8s.NodeAffinity {
  return {
    preferredDuringSchedulingIgnoredDuringExecution: [
      {
        weight: 100,
        preference: { matchExpressions: [{ key: CAPACITY_LABEL, operator: 'In', values: [CAPACITY.spot] }] },
      },
    ],
  };
}

/**
 * Spread replicas over zones and nodes. Production refuses to stack a zone
 * (DoNotSchedule), so a zone outage never takes every replica; test only
 * prefers it, because its two small node groups may not offer every zone.
 */
export function spreadConstraints(
  selector: Record<string, string>,
  env: Pick<EnvironmentConfig, 'preset'>,
  opts: { softZones?: boolean } = {},
): k8s.TopologySpreadConstraint[] {
  return [
    {
      maxSkew: 1,
      topologyKey: ZONE_KEY,
      whenUnsatisfiable: env.preset === 'prod' && !opts.softZones ? 'DoNotSchedule' : 'ScheduleAnyway',
      labelSelector: { matchLabels: selector },
    },
    {
      maxSkew: 1,
      topologyKey: HOSTNAME_KEY,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selector },
    },
  ];
}

/** Stateful replicas never share a zone when they can avoid it (required would strand replica 4 of 3 zones). */
export function zoneAntiAffinity(selector: Record<string, string>): k8s.PodAntiAffinity {
  return {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 100, podAffinityTerm: { topologyKey: ZONE_KEY, labelSelector: { matchLabels: selector } } },
    ],
  };
}

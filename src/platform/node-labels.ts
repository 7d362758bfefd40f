import type { NodeGroupConfig } from '../config/schema/environment.js';

/**
 * Labels the platform puts on managed node groups, so workloads can choose
 * capacity (stateful on on-demand, workers prefer spot). CDK-free: the app
 * generators import it without loading aws-cdk-lib.
 */
export const NODE_LABELS = {
  capacity: 'slipway.io/capacity',
  nodeGroup: 'slipway.io/node-group',
} as const;

/** Values of the capacity label. */
export const CAPACITY = { onDemand: 'on-demand', spot: 'spot' } as const;

export function nodeLabels(group: NodeGroupConfig): Record<string, string> {
  return {
    ...group.labels,
    [NODE_LABELS.capacity]: CAPACITY[group.capacity],
    [NODE_LABELS.nodeGroup]: group.name,
  };
}

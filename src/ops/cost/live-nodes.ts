import type { Inventory } from '../../inventory/inventory.js';
import { NODE_LABELS } from '../../platform/node-labels.js';
import { controllerOf, labelsOf } from '../common/kube-reads.js';
import { allocatableOf, requestsByNode } from '../common/resources.js';
import type { NodeFacts, NodeGroupFacts } from './facts.js';

const ZONE = 'topology.kubernetes.io/zone';
const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';

/** on-demand or spot from the platform's label, the EKS managed node group's, or Karpenter's. */
function capacityOf(labels: Readonly<Record<string, string>>): NodeFacts['capacity'] {
  const v = (
    labels[NODE_LABELS.capacity] ??
    labels['eks.amazonaws.com/capacityType'] ??
    labels['karpenter.sh/capacity-type'] ??
    ''
  ).toLowerCase();
  if (v === 'spot') return 'spot';
  if (v === 'on-demand' || v === 'on_demand') return 'on-demand';
  return undefined;
}

/** The group a node belongs to: the platform's label, the EKS node group, or the Karpenter NodePool. */
function groupOf(labels: Readonly<Record<string, string>>): string | undefined {
  return labels[NODE_LABELS.nodeGroup] ?? labels['eks.amazonaws.com/nodegroup'] ?? labels['karpenter.sh/nodepool'];
}

/**
 * Each node as the cost analysis reads it: group, zone, instance type and
 * capacity type from its labels, allocatable from its status, and the
 * requests of the pods scheduled on it (DaemonSet pods are not counted as
 * workload pods, so a node running only those is idle).
 */
export function liveNodeFacts(inv: Inventory): NodeFacts[] {
  const pods = inv.kube('Pod').map((p) => p.object);
  const requested = requestsByNode(pods);
  const workloadPods = new Map<string, number>();
  for (const p of pods) {
    const node = (p.spec as { nodeName?: string } | undefined)?.nodeName;
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed' || controllerOf(p)?.kind === 'DaemonSet') continue;
    workloadPods.set(node, (workloadPods.get(node) ?? 0) + 1);
  }
  return inv
    .kube('Node')
    .map((n) => {
      const labels = labelsOf(n.object);
      const name = n.object.metadata.name;
      const a = allocatableOf(n.object);
      const r = requested.get(name)?.requested ?? { cpu: 0, memory: 0 };
      const group = groupOf(labels);
      const capacity = capacityOf(labels);
      return {
        name,
        ...(group ? { nodeGroup: group } : {}),
        ...(labels[ZONE] ? { zone: labels[ZONE] } : {}),
        ...(labels[INSTANCE_TYPE] ? { instanceType: labels[INSTANCE_TYPE] } : {}),
        ...(capacity ? { capacity } : {}),
        allocatable: { cpuMillis: Math.round(a.cpu * 1000), memoryBytes: Math.round(a.memory) },
        requested: { cpuMillis: Math.round(r.cpu * 1000), memoryBytes: Math.round(r.memory) },
        workloadPods: workloadPods.get(name) ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The config's node groups with the nodes and zones the cluster runs for each now. */
export function liveNodeGroups(groups: readonly NodeGroupFacts[], nodes: readonly NodeFacts[]): NodeGroupFacts[] {
  return groups.map((g) => {
    const mine = nodes.filter((n) => n.nodeGroup === g.name);
    const zones = [...new Set(mine.flatMap((n) => (n.zone ? [n.zone] : [])))].sort();
    return { ...g, nodes: mine.length, zones: zones.length ? zones : g.zones };
  });
}

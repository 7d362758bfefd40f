import type { Inventory } from '../../inventory/inventory.js';
import type { Workload } from '../../inventory/workloads.js';

/**
 * The priority a workload's pods run at, when it is below `below`: "PriorityClass
 * <name> (value <n>)" or "spec.priority <n>"; undefined otherwise, or when the
 * PriorityClass it names is not in the sources (its value cannot be shown).
 */
export function placeholderPriority(inv: Inventory, w: Workload, below: number): string | undefined {
  const spec = (w.template.spec ?? {}) as { priority?: unknown; priorityClassName?: unknown };
  if (typeof spec.priority === 'number') return spec.priority < below ? `spec.priority ${spec.priority}` : undefined;
  if (typeof spec.priorityClassName !== 'string' || spec.priorityClassName === '') return undefined;
  const name = spec.priorityClassName;
  // Cluster-scoped: a namespace written on it by mistake is ignored by the API server, so it is here too.
  const pc =
    inv.get('PriorityClass', undefined, name) ?? inv.kube('PriorityClass').find((r) => r.object.metadata.name === name);
  const value = pc?.object.value;
  if (typeof value !== 'number' || value >= below) return undefined;
  return `PriorityClass ${name} (value ${value})`;
}

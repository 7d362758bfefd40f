import type { Inventory } from '../../inventory/inventory.js';
import type { KubeResource } from '../../inventory/types.js';
import type { Workload } from '../../inventory/workloads.js';
import { envOf } from './secrets.js';
import { containersOf } from './workloads.js';

export interface Trigger {
  type?: string;
  metadata?: Record<string, unknown>;
  authenticationRef?: { name?: string; kind?: string };
}

export function triggersOf(so: KubeResource): Trigger[] {
  const t = (so.object.spec as { triggers?: Trigger[] } | undefined)?.triggers;
  return Array.isArray(t) ? t : [];
}

/** Why a workload counts as a queue consumer: a queue trigger on its ScaledObject or a queue env var. */
export function consumerEvidence(
  inv: Inventory,
  w: Workload,
  queueTriggers: readonly string[],
  queueEnv: RegExp,
): string | undefined {
  for (const so of inv.scaledObjectsFor(w)) {
    const t = triggersOf(so).find((x) => x.type && queueTriggers.includes(x.type));
    if (t) return `ScaledObject ${so.object.metadata.name} has a ${t.type} trigger`;
  }
  for (const c of containersOf(w)) {
    const e = envOf(c.container).find((x) => queueEnv.test(x.name));
    if (e) return `container ${c.container.name} reads ${e.name}`;
  }
  return undefined;
}

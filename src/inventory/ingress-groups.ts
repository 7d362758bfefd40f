import type { Inventory } from './inventory.js';
import { push } from './labels.js';
import type { KubeResource } from './types.js';

/** The annotation that puts Ingresses on one shared ALB (an IngressGroup). */
export const ALB_GROUP_ANNOTATION = 'alb.ingress.kubernetes.io/group.name';

const cache = new WeakMap<Inventory, ReadonlyMap<string, readonly KubeResource[]>>();

/** The ALB group an Ingress joins, or undefined when it has its own load balancer. */
export function albGroupName(ing: KubeResource): string | undefined {
  const name = ing.object.metadata.annotations?.[ALB_GROUP_ANNOTATION];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * Group name → the Ingresses of that IngressGroup, in inventory order.
 * Built in one pass over the Ingresses the first time a rule asks, and kept
 * for the inventory's life: a shared map, read it, never change it.
 */
export function albGroups(inv: Inventory): ReadonlyMap<string, readonly KubeResource[]> {
  let hit = cache.get(inv);
  if (!hit) {
    const groups = new Map<string, KubeResource[]>();
    const ingresses = inv.kube('Ingress');
    for (let i = 0; i < ingresses.length; i++) {
      const g = albGroupName(ingresses[i]);
      if (g !== undefined) push(groups, g, ingresses[i]);
    }
    hit = groups;
    cache.set(inv, hit);
  }
  return hit;
}

/** The Ingresses sharing a load balancer with this one (itself included; itself alone without a group). */
export function albGroupMembers(inv: Inventory, ing: KubeResource): readonly KubeResource[] {
  const g = albGroupName(ing);
  return g === undefined ? [ing] : (albGroups(inv).get(g) ?? [ing]);
}

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

/** The first of a ScaledObject's triggers whose type is one of `types`. */
export function triggerOfType(so: KubeResource, types: readonly string[]): Trigger | undefined {
  const triggers = triggersOf(so);
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (t.type && types.includes(t.type)) return t;
  }
  return undefined;
}

/** Why a workload counts as a queue consumer: a queue trigger on its ScaledObject or a queue env var. */
export function consumerEvidence(
  inv: Inventory,
  w: Workload,
  queueTriggers: readonly string[],
  queueEnv: RegExp,
): string | undefined {
  // Several rules ask, usually with the same (default) parameters: the last answer per workload is kept.
  const last = lastEvidence.get(w);
  if (last && last.env === queueEnv.source && last.flags === queueEnv.flags && sameList(last.triggers, queueTriggers)) {
    return last.evidence;
  }
  const evidence = findEvidence(inv, w, queueTriggers, queueEnv);
  lastEvidence.set(w, { triggers: queueTriggers, env: queueEnv.source, flags: queueEnv.flags, evidence });
  return evidence;
}

const lastEvidence = new WeakMap<
  Workload,
  { triggers: readonly string[]; env: string; flags: string; evidence: string | undefined }
>();

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function findEvidence(
  inv: Inventory,
  w: Workload,
  queueTriggers: readonly string[],
  queueEnv: RegExp,
): string | undefined {
  // Indexed loops: this runs for every Deployment of several rules, mostly before the JIT optimises it.
  const scaled = inv.scaledObjectsFor(w);
  for (let i = 0; i < scaled.length; i++) {
    const t = triggerOfType(scaled[i], queueTriggers);
    if (t) return `ScaledObject ${scaled[i].object.metadata.name} has a ${t.type} trigger`;
  }
  const containers = containersOf(w);
  for (let i = 0; i < containers.length; i++) {
    const env = envOf(containers[i].container);
    for (let j = 0; j < env.length; j++) {
      if (queueEnv.test(env[j].name)) return `container ${containers[i].container.name} reads ${env[j].name}`;
    }
  }
  return undefined;
}

import type { ValuePath } from '../util/paths.js';
import type { Inventory } from './inventory.js';
import type { KubeResource } from './types.js';
import { type Container, containerPath, type Workload } from './workloads.js';

/**
 * Facts about workloads that rules and day-2 commands both read: the
 * replica range (HPA / KEDA bounds or spec.replicas), whether Services send
 * it traffic, its containers. Each is computed once per workload and shared,
 * so callers read and never change what they get.
 */

/** Kinds that run pods continuously (the ones probes, replicas and spreading are about). */
export const LONG_RUNNING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

/** Kinds with a replica count a person sets. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet'] as const;

/** Namespaces Kubernetes and EKS own. */
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Namespaces the platform's add-ons run in (CloudWatch agent, External Secrets, KEDA, Karpenter, Argo CD). */
export const PLATFORM_NAMESPACES = ['amazon-cloudwatch', 'external-secrets', 'keda', 'karpenter', 'argocd'];

/** One container of a workload, with where it sits in the object. */
export interface WorkloadContainer {
  readonly container: Container;
  readonly index: number;
  readonly init: boolean;
  /** Path of the container inside the workload's object. */
  readonly path: ValuePath;
}

const containerLists = new WeakMap<
  Workload,
  { all: readonly WorkloadContainer[]; main: readonly WorkloadContainer[] }
>();

/** The workload's containers, init containers first when asked for; built once per workload. */
export function workloadContainers(w: Workload, opts?: { init?: boolean }): readonly WorkloadContainer[] {
  let lists = containerLists.get(w);
  if (!lists) {
    const spec = w.template.spec ?? {};
    const all: WorkloadContainer[] = [];
    const main: WorkloadContainer[] = [];
    const inits = spec.initContainers ?? [];
    for (let index = 0; index < inits.length; index++) {
      all.push({ container: inits[index], index, init: true, path: containerPath(w, index, true) });
    }
    const containers = spec.containers ?? [];
    for (let index = 0; index < containers.length; index++) {
      const ref: WorkloadContainer = {
        container: containers[index],
        index,
        init: false,
        path: containerPath(w, index),
      };
      all.push(ref);
      main.push(ref);
    }
    lists = { all, main };
    containerLists.set(w, lists);
  }
  return opts?.init ? lists.all : lists.main;
}

/** Path of a field of the pod spec: `[...templatePath, 'spec', ...rest]`. */
export function podSpecPath(w: Workload, ...rest: (string | number)[]): ValuePath {
  if (rest.length === 0) {
    // The pod spec's own path is the same for every workload of a kind: one shared (readonly) array per kind.
    let path = podSpecPaths.get(w.templatePath);
    if (!path) {
      path = w.templatePath.concat('spec');
      podSpecPaths.set(w.templatePath, path);
    }
    return path;
  }
  // concat, not spreads: no iterator protocol in cold code.
  return w.templatePath.concat('spec', rest);
}

const podSpecPaths = new Map<ValuePath, ValuePath>();

/** A Service that load-balances (not headless: headless Services give identity, not traffic spreading). */
export function isBalancingService(s: KubeResource): boolean {
  const spec = (s.object.spec ?? {}) as { clusterIP?: string; type?: string };
  return spec.clusterIP !== 'None' && spec.type !== 'ExternalName';
}

/** Whether any Service, and any load-balancing Service, selects the workload. */
const serving = new WeakMap<Workload, { served: boolean; userFacing: boolean }>();

function servingOf(inv: Inventory, w: Workload): { served: boolean; userFacing: boolean } {
  let s = serving.get(w);
  if (!s) {
    const services = inv.servicesFor(w);
    let userFacing = false;
    for (let i = 0; i < services.length && !userFacing; i++) userFacing = isBalancingService(services[i]);
    s = { served: services.length > 0, userFacing };
    serving.set(w, s);
  }
  return s;
}

/** Selected by any Service: something sends it requests. */
export function isServed(inv: Inventory, w: Workload): boolean {
  return servingOf(inv, w).served;
}

/** Selected by a load-balancing Service: the workload answers requests from users or other services. */
export function isUserFacing(inv: Inventory, w: Workload): boolean {
  return servingOf(inv, w).userFacing;
}

export interface ReplicaRange {
  readonly min: number;
  readonly max: number;
  /** What set the range: `spec.replicas`, an HPA or a ScaledObject. */
  readonly source: string;
}

/**
 * The replica range a workload runs with: an HPA's or KEDA ScaledObject's
 * bounds when one targets it, else spec.replicas. Undefined for kinds without
 * replicas (DaemonSet, Job, CronJob, Pod).
 */
export function replicaRange(inv: Inventory, w: Workload): ReplicaRange | undefined {
  if (w.replicas === undefined) return undefined;
  let range = ranges.get(w);
  if (!range) {
    range = computeReplicaRange(inv, w);
    ranges.set(w, range);
  }
  return range;
}

const ranges = new WeakMap<Workload, ReplicaRange>();

function computeReplicaRange(inv: Inventory, w: Workload): ReplicaRange {
  const hpa = inv.hpasFor(w)[0];
  if (hpa) {
    const spec = (hpa.object.spec ?? {}) as { minReplicas?: number; maxReplicas?: number };
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    return {
      min,
      max: typeof spec.maxReplicas === 'number' ? spec.maxReplicas : min,
      source: `HPA ${hpa.object.metadata.name}`,
    };
  }
  const so = inv.scaledObjectsFor(w)[0];
  if (so) {
    const spec = (so.object.spec ?? {}) as { minReplicaCount?: number; maxReplicaCount?: number };
    const min = typeof spec.minReplicaCount === 'number' ? spec.minReplicaCount : 0;
    const max = typeof spec.maxReplicaCount === 'number' ? spec.maxReplicaCount : 100;
    return { min, max, source: `ScaledObject ${so.object.metadata.name}` };
  }
  const replicas = w.replicas as number;
  return { min: replicas, max: replicas, source: 'spec.replicas' };
}

/** Annotation value on the object or its pod template. */
export function annotationOf(w: Workload, keys: readonly string[]): { key: string; value: string } | undefined {
  const own = w.resource.object.metadata.annotations;
  const pod = w.template.metadata?.annotations;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = own?.[key] ?? pod?.[key];
    if (typeof value === 'string' && value.trim() !== '') return { key, value };
  }
  return undefined;
}

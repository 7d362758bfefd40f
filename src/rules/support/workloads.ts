import type { Inventory } from '../../inventory/inventory.js';
import type { KubeResource } from '../../inventory/types.js';
import { type Container, containerPath, type Workload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';

/** Kinds that run pods continuously (the ones probes, replicas and spreading are about). */
export const LONG_RUNNING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

/** Kinds with a replica count a person sets. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet'] as const;

export interface ContainerRef {
  readonly container: Container;
  readonly index: number;
  readonly init: boolean;
  /** Path of the container inside the workload's object. */
  readonly path: ValuePath;
}

/** Containers and init containers of each workload, built once (rules ask for them again and again). */
const containerRefs = new WeakMap<Workload, { init: readonly ContainerRef[]; main: readonly ContainerRef[] }>();

/** The workload's containers, with init containers first when asked for. */
export function containersOf(w: Workload, opts: { init?: boolean } = {}): ContainerRef[] {
  let refs = containerRefs.get(w);
  if (!refs) {
    const spec = w.template.spec ?? {};
    const init: ContainerRef[] = [];
    const main: ContainerRef[] = [];
    (spec.initContainers ?? []).forEach((container, index) => {
      init.push({ container, index, init: true, path: containerPath(w, index, true) });
    });
    (spec.containers ?? []).forEach((container, index) => {
      main.push({ container, index, init: false, path: containerPath(w, index) });
    });
    refs = { init, main };
    containerRefs.set(w, refs);
  }
  return opts.init ? [...refs.init, ...refs.main] : refs.main.slice();
}

/** Path of a field of the pod spec: `[...templatePath, 'spec', ...rest]`. */
export function podSpecPath(w: Workload, ...rest: (string | number)[]): ValuePath {
  return [...w.templatePath, 'spec', ...rest];
}

/** A Service that load-balances (not headless: headless Services give identity, not traffic spreading). */
export function isBalancingService(s: KubeResource): boolean {
  const spec = (s.object.spec ?? {}) as { clusterIP?: string; type?: string };
  return spec.clusterIP !== 'None' && spec.type !== 'ExternalName';
}

/** Selected by any Service: something sends it requests. */
export function isServed(inv: Inventory, w: Workload): boolean {
  return inv.servicesFor(w).length > 0;
}

/** Selected by a load-balancing Service: the workload answers requests from users or other services. */
export function isUserFacing(inv: Inventory, w: Workload): boolean {
  return inv.servicesFor(w).some(isBalancingService);
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
  return { min: w.replicas, max: w.replicas, source: 'spec.replicas' };
}

/** Annotation value on the object or its pod template. */
export function annotationOf(w: Workload, keys: readonly string[]): { key: string; value: string } | undefined {
  const own = w.resource.object.metadata.annotations ?? {};
  const pod = w.template.metadata?.annotations ?? {};
  for (const key of keys) {
    const value = own[key] ?? pod[key];
    if (typeof value === 'string' && value.trim() !== '') return { key, value };
  }
  return undefined;
}

/** Namespaces Kubernetes and EKS own. */
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Namespaces the platform's add-ons run in (CloudWatch agent, External Secrets, KEDA, Karpenter, Argo CD). */
export const PLATFORM_NAMESPACES = ['amazon-cloudwatch', 'external-secrets', 'keda', 'karpenter', 'argocd'];

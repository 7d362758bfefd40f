import type { Inventory } from './inventory.js';
import { push } from './labels.js';
import { type LabelSelector, matchesSelector } from './selectors.js';
import type { KubeResource } from './types.js';

/**
 * Pods that controllers of custom resources create. Objects such as a
 * Prometheus, an Argo Rollout or a KEDA ScaledJob run pods that no manifest
 * spells out; a selector that picks only those pods still points at something.
 */
export interface ControllerPods {
  /** namespace → label sets of the pods known controllers create, with the object that asks for them. */
  readonly labelled: ReadonlyMap<string, readonly { readonly owner: KubeResource; readonly labels: Labels }[]>;
  /** namespace → custom resources of kinds not known here, which may or may not run pods. */
  readonly unknown: ReadonlyMap<string, readonly KubeResource[]>;
}

type Labels = Readonly<Record<string, string>>;

/** API groups served by Kubernetes itself (with the core group ''). */
function isBuiltinGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/** Custom resources known to run no pods of their own (config for other controllers). */
const POD_LESS_KINDS: ReadonlySet<string> = new Set([
  'Alert',
  'AlertmanagerConfig',
  'Certificate',
  'CertificateRequest',
  'ClusterIssuer',
  'ClusterSecretStore',
  'ClusterTriggerAuthentication',
  'EC2NodeClass',
  'ENIConfig',
  'ExternalSecret',
  'IngressClassParams',
  'Issuer',
  'NodeClaim',
  'NodePool',
  'PodMonitor',
  'Probe',
  'PrometheusRule',
  'PushSecret',
  'ScaledObject',
  'ScrapeConfig',
  'SecretProviderClass',
  'SecretStore',
  'SecurityGroupPolicy',
  'ServiceMonitor',
  'TargetGroupBinding',
  'TriggerAuthentication',
]);

function template(o: unknown, ...path: string[]): Labels | undefined {
  let v = o;
  for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
  return v && typeof v === 'object' ? (v as Labels) : undefined;
}

/** The Prometheus operator's labels on the pods of a Prometheus, Alertmanager or ThanosRuler. */
function operatorLabels(app: string, key: string, r: KubeResource): Labels {
  const name = r.object.metadata.name;
  return {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/managed-by': 'prometheus-operator',
    'operator.prometheus.io/name': name,
    [key]: name,
    ...template(r.object, 'spec', 'podMetadata', 'labels'),
  };
}

/** The labels of the pods a known controller creates for this object, or undefined when it is not one. */
const KNOWN: Readonly<Record<string, (r: KubeResource) => Labels | undefined>> = {
  // Argo Rollouts: the pod template is the Rollout's own (a workloadRef reuses a Deployment already indexed).
  Rollout: (r) => template(r.object, 'spec', 'template', 'metadata', 'labels') ?? {},
  // OpenShift: a DeploymentConfig's pods come from its template, as a Deployment's do.
  DeploymentConfig: (r) => template(r.object, 'spec', 'template', 'metadata', 'labels') ?? {},
  // KEDA: the Jobs of a ScaledJob come from its jobTargetRef template.
  ScaledJob: (r) => template(r.object, 'spec', 'jobTargetRef', 'template', 'metadata', 'labels') ?? {},
  Prometheus: (r) => operatorLabels('prometheus', 'prometheus', r),
  Alertmanager: (r) => operatorLabels('alertmanager', 'alertmanager', r),
  ThanosRuler: (r) => operatorLabels('thanos-ruler', 'thanos-ruler', r),
};

const cache = new WeakMap<Inventory, ControllerPods>();

/** The inventory's controller-created pods, found in one pass over its objects and kept. */
export function controllerPods(inv: Inventory): ControllerPods {
  let hit = cache.get(inv);
  if (!hit) {
    const labelled = new Map<string, { owner: KubeResource; labels: Labels }[]>();
    const unknown = new Map<string, KubeResource[]>();
    const all = inv.kube();
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      const api = String(r.object.apiVersion ?? '');
      const slash = api.indexOf('/');
      if (slash < 0 || isBuiltinGroup(api.slice(0, slash))) continue;
      const kind = r.object.kind;
      if (POD_LESS_KINDS.has(kind)) continue;
      const ns = r.object.metadata.namespace ?? 'default';
      const known = Object.hasOwn(KNOWN, kind) ? KNOWN[kind](r) : undefined;
      if (known) push(labelled, ns, { owner: r, labels: known });
      else push(unknown, ns, r);
    }
    hit = { labelled, unknown };
    cache.set(inv, hit);
  }
  return hit;
}

/** What a selector points at in a namespace. */
export type PodTarget =
  | { readonly found: 'pods'; readonly count: number }
  | { readonly found: 'controller'; readonly owner: KubeResource }
  | { readonly found: 'unknown'; readonly candidates: readonly KubeResource[] }
  | { readonly found: 'none' };

/**
 * Whether a selector picks any pods in a namespace: workloads first (owned
 * ones too), then the pods known controllers create; when neither matches and
 * the namespace holds custom resources of unknown kinds, the answer is unknown.
 */
export function podTarget(inv: Inventory, namespace: string, selector: LabelSelector | undefined): PodTarget {
  const pods = inv.selectPods(namespace, selector);
  if (pods.length > 0) return { found: 'pods', count: pods.length };
  const cp = controllerPods(inv);
  for (const c of cp.labelled.get(namespace) ?? []) {
    if (matchesSelector(selector, c.labels)) return { found: 'controller', owner: c.owner };
  }
  const candidates = cp.unknown.get(namespace);
  if (candidates && candidates.length > 0) return { found: 'unknown', candidates };
  return { found: 'none' };
}

/** "kind/name" of an object, for messages. */
export function refText(r: KubeResource): string {
  return `${r.object.kind}/${r.object.metadata.name}`;
}

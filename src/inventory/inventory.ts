import { type LabelSelector, matchesSelector, matchesServiceSelector } from './selectors.js';
import type { AwsResource, Coverage, InputProblem, KubeResource } from './types.js';
import { toWorkload, type Workload } from './workloads.js';

export interface InventoryInput {
  readonly kube?: readonly KubeResource[];
  readonly aws?: readonly AwsResource[];
  readonly coverage?: Partial<Coverage>;
  readonly problems?: readonly InputProblem[];
}

const NO_NS = '_cluster';

/**
 * Everything the sources found, indexed once for the relationships rules ask
 * about: selector → workloads, Service/PDB/HPA/ScaledObject/NetworkPolicy →
 * workload, Ingress → Service, ServiceAccount → Pod Identity association → role.
 */
export class Inventory {
  readonly kubeResources: readonly KubeResource[];
  readonly awsResources: readonly AwsResource[];
  readonly coverage: Coverage;
  readonly problems: readonly InputProblem[];

  private readonly byKind = new Map<string, KubeResource[]>();
  /** kind → namespace (default for none) → objects: relationship lookups stay linear in the inventory. */
  private readonly byKindNs = new Map<string, Map<string, KubeResource[]>>();
  private readonly byKey = new Map<string, KubeResource>();
  private readonly byAwsType = new Map<string, AwsResource[]>();
  private readonly byAwsId = new Map<string, AwsResource>();
  private readonly workloadList: Workload[] = [];
  /** Relationship answers, computed once per workload or object (the inventory never changes). */
  private readonly memo = new Map<string, WeakMap<object, KubeResource[]>>();
  private readonly targetIndex = new Map<string, Map<string, KubeResource[]>>();
  private readonly labelIndex = new Map<
    string,
    { byLabel: Map<string, KubeResource[]>; always: KubeResource[]; order: Map<KubeResource, number> }
  >();
  private readonly workloadsByNs = new Map<string, Workload[]>();

  constructor(input: InventoryInput) {
    this.kubeResources = input.kube ?? [];
    this.awsResources = input.aws ?? [];
    this.problems = input.problems ?? [];
    const kinds = new Set(input.coverage?.kubeKinds ?? []);
    const types = new Set(input.coverage?.awsTypes ?? []);
    for (const r of this.kubeResources) {
      const kind = r.object.kind;
      kinds.add(kind);
      push(this.byKind, kind, r);
      let nsMap = this.byKindNs.get(kind);
      if (!nsMap) {
        nsMap = new Map();
        this.byKindNs.set(kind, nsMap);
      }
      push(nsMap, r.object.metadata.namespace ?? 'default', r);
      this.byKey.set(key(kind, r.object.metadata.namespace, r.object.metadata.name), r);
      const w = toWorkload(r);
      if (w) {
        this.workloadList.push(w);
        push(this.workloadsByNs, w.namespace, w);
      }
    }
    for (const a of this.awsResources) {
      types.add(a.type);
      push(this.byAwsType, a.type, a);
      this.byAwsId.set(a.id, a);
    }
    this.coverage = {
      mode: input.coverage?.mode ?? 'static',
      kubeKinds: kinds,
      kubeDenied: input.coverage?.kubeDenied ?? new Map(),
      awsTypes: types,
      awsDenied: input.coverage?.awsDenied ?? new Map(),
      notes: input.coverage?.notes ?? [],
    };
  }

  // ---- Kubernetes -------------------------------------------------------

  /** Objects of a kind (all kinds when omitted). */
  kube(kind?: string): readonly KubeResource[] {
    return kind === undefined ? this.kubeResources : (this.byKind.get(kind) ?? []);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeResource | undefined {
    return this.byKey.get(key(kind, namespace, name));
  }

  /** Whether a source collected this kind (even if none exist). */
  hasKind(kind: string): boolean {
    return this.coverage.kubeKinds.has(kind) && !this.coverage.kubeDenied.has(kind);
  }

  /** Workloads that are not managed by another object (a Deployment, not its ReplicaSets and Pods). */
  workloads(opts: { includeOwned?: boolean; kinds?: readonly string[] } = {}): readonly Workload[] {
    return this.workloadList.filter(
      (w) => (opts.includeOwned || !w.owned) && (!opts.kinds || opts.kinds.includes(w.kind)),
    );
  }

  /** Namespaces in use: declared Namespace objects and namespaces any object lives in. */
  namespaces(): string[] {
    const out = new Set<string>();
    for (const n of this.kube('Namespace')) out.add(n.object.metadata.name);
    for (const r of this.kubeResources) if (r.object.metadata.namespace) out.add(r.object.metadata.namespace);
    return [...out].sort();
  }

  /** Unowned workloads in a namespace whose pods a label selector picks. */
  selectWorkloads(namespace: string, selector: LabelSelector | undefined): Workload[] {
    return (this.workloadsByNs.get(namespace) ?? []).filter((w) => !w.owned && matchesSelector(selector, w.podLabels));
  }

  /** Services whose selector picks the workload's pods. */
  servicesFor(w: Workload): KubeResource[] {
    const selectorOf = (s: KubeResource) =>
      (s.object.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return this.remember('services', w, () =>
      this.candidates('Service', w, (s) => selectorOf(s)).filter((s) =>
        matchesServiceSelector(selectorOf(s), w.podLabels),
      ),
    );
  }

  /** PodDisruptionBudgets whose selector picks the workload's pods. */
  pdbsFor(w: Workload): KubeResource[] {
    const selectorOf = (p: KubeResource) => (p.object.spec as { selector?: LabelSelector } | undefined)?.selector;
    return this.remember('pdbs', w, () =>
      this.candidates('PodDisruptionBudget', w, (p) => selectorOf(p)?.matchLabels).filter((p) =>
        matchesSelector(selectorOf(p), w.podLabels),
      ),
    );
  }

  /** HorizontalPodAutoscalers targeting the workload. */
  hpasFor(w: Workload): KubeResource[] {
    return this.remember('hpas', w, () => this.targeting('HorizontalPodAutoscaler', w));
  }

  /** KEDA ScaledObjects targeting the workload. */
  scaledObjectsFor(w: Workload): KubeResource[] {
    return this.remember('scaledObjects', w, () => this.targeting('ScaledObject', w));
  }

  /** NetworkPolicies in the workload's namespace whose podSelector picks its pods. */
  networkPoliciesFor(w: Workload): KubeResource[] {
    const selectorOf = (p: KubeResource) =>
      (p.object.spec as { podSelector?: LabelSelector } | undefined)?.podSelector ?? {};
    return this.remember('networkPolicies', w, () =>
      this.candidates('NetworkPolicy', w, (p) => selectorOf(p).matchLabels).filter((p) =>
        matchesSelector(selectorOf(p), w.podLabels),
      ),
    );
  }

  /** Ingresses that route to a Service (default backend or any rule path). */
  ingressesFor(service: KubeResource): KubeResource[] {
    const ns = service.object.metadata.namespace ?? 'default';
    const name = service.object.metadata.name;
    return this.remember('ingresses', service, () =>
      this.inNamespace('Ingress', ns).filter((ing) => ingressBackends(ing).includes(name)),
    );
  }

  /** The ServiceAccount name a workload runs as. */
  serviceAccountName(w: Workload): string {
    const spec = w.template.spec as { serviceAccountName?: string; serviceAccount?: string } | undefined;
    return spec?.serviceAccountName ?? spec?.serviceAccount ?? 'default';
  }

  /** Objects of a kind in a namespace. */
  inNamespace(kind: string, namespace: string): KubeResource[] {
    return [...(this.byKindNs.get(kind)?.get(namespace) ?? [])];
  }

  /**
   * Objects of a kind in the workload's namespace that could select its pods:
   * those whose required labels (matchLabels, or a Service's selector) include
   * one of the pod's labels, plus those with none. Indexed once per kind and
   * namespace, so matching stays near-linear; callers still apply the full selector.
   */
  private candidates(
    kind: string,
    w: Workload,
    required: (r: KubeResource) => Readonly<Record<string, string>> | undefined,
  ): KubeResource[] {
    const key = `${kind}/${w.namespace}`;
    let index = this.labelIndex.get(key);
    if (!index) {
      index = { byLabel: new Map(), always: [], order: new Map() };
      for (const r of this.byKindNs.get(kind)?.get(w.namespace) ?? []) {
        index.order.set(r, index.order.size);
        const labels = required(r);
        const first = labels ? Object.keys(labels).sort()[0] : undefined;
        if (first === undefined || !labels) index.always.push(r);
        else push(index.byLabel, `${first}=${labels[first]}`, r);
      }
      this.labelIndex.set(key, index);
    }
    if (index.byLabel.size === 0) return index.always;
    const out = new Set(index.always);
    for (const [k, v] of Object.entries(w.podLabels)) for (const r of index.byLabel.get(`${k}=${v}`) ?? []) out.add(r);
    // Keep the inventory's order.
    const order = index.order;
    return [...out].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  /** A relationship answer computed once per key object; callers get their own copy of the list. */
  private remember(relation: string, key: object, compute: () => KubeResource[]): KubeResource[] {
    let cache = this.memo.get(relation);
    if (!cache) {
      cache = new WeakMap();
      this.memo.set(relation, cache);
    }
    let hit = cache.get(key);
    if (!hit) {
      hit = compute();
      cache.set(key, hit);
    }
    return [...hit];
  }

  /** Objects of a kind (HPA, ScaledObject) whose scaleTargetRef names the workload; indexed once per kind. */
  private targeting(kind: string, w: Workload): KubeResource[] {
    let index = this.targetIndex.get(kind);
    if (!index) {
      index = new Map();
      for (const r of this.kube(kind)) {
        const ref = (r.object.spec as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)
          ?.scaleTargetRef;
        if (!ref?.name) continue;
        push(index, `${r.object.metadata.namespace ?? 'default'}/${ref.kind ?? 'Deployment'}/${ref.name}`, r);
      }
      this.targetIndex.set(kind, index);
    }
    return [...(index.get(`${w.namespace}/${w.kind}/${w.name}`) ?? [])];
  }

  // ---- AWS ---------------------------------------------------------------

  /** AWS resources of a CloudFormation type (all when omitted). */
  aws(type?: string): readonly AwsResource[] {
    return type === undefined ? this.awsResources : (this.byAwsType.get(type) ?? []);
  }

  awsById(id: string): AwsResource | undefined {
    return this.byAwsId.get(id);
  }

  /** Whether a source collected this AWS type (even if none exist). */
  hasAwsType(type: string): boolean {
    return this.coverage.awsTypes.has(type) && !this.coverage.awsDenied.has(type);
  }

  /** Follows `{ Ref: X }`, `{ 'Fn::GetAtt': [X, …] }` or a plain id to the resource it names. */
  resolve(value: unknown): AwsResource | undefined {
    if (typeof value === 'string') return this.byAwsId.get(value);
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.Ref === 'string') return this.byAwsId.get(v.Ref);
      const att = v['Fn::GetAtt'];
      if (Array.isArray(att) && typeof att[0] === 'string') return this.byAwsId.get(att[0]);
      if (typeof att === 'string') return this.byAwsId.get(att.split('.')[0]);
    }
    return undefined;
  }

  /** Pod Identity associations for a namespace and ServiceAccount. */
  podIdentityAssociations(namespace: string, serviceAccount: string): AwsResource[] {
    return this.aws('AWS::EKS::PodIdentityAssociation').filter(
      (a) => a.properties.Namespace === namespace && a.properties.ServiceAccount === serviceAccount,
    );
  }
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? NO_NS}/${name}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

interface IngressSpec {
  defaultBackend?: { service?: { name?: string } };
  rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[];
}

/** Names of the Services an Ingress sends traffic to. */
export function ingressBackends(ing: KubeResource): string[] {
  const spec = (ing.object.spec ?? {}) as IngressSpec;
  const out: string[] = [];
  if (spec.defaultBackend?.service?.name) out.push(spec.defaultBackend.service.name);
  for (const rule of spec.rules ?? []) {
    for (const p of rule.http?.paths ?? []) if (p.backend?.service?.name) out.push(p.backend.service.name);
  }
  return out;
}

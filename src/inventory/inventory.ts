import { push, type RequiredLabels } from './labels.js';
import {
  ingressBackends,
  pdbMatchLabels,
  pdbSelector,
  podSelector,
  podSelectorMatchLabels,
  serviceSelector,
} from './object-fields.js';
import { PodLabelIndex } from './pod-label-index.js';
import { type LabelSelector, matchesSelector, matchesServiceSelector } from './selectors.js';
import type { AwsResource, CheckoutFacts, Coverage, InputProblem, KindRead, KubeResource } from './types.js';
import { toWorkload, type Workload } from './workloads.js';

export interface InventoryInput {
  readonly kube?: readonly KubeResource[];
  readonly aws?: readonly AwsResource[];
  readonly coverage?: Partial<Coverage>;
  readonly problems?: readonly InputProblem[];
  /** GitOps objects read from files in a Git checkout → what the checkout shows. */
  readonly checkouts?: ReadonlyMap<KubeResource, CheckoutFacts>;
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
  private readonly checkouts: ReadonlyMap<KubeResource, CheckoutFacts>;

  private readonly byKind = new Map<string, KubeResource[]>();
  /** kind → namespace (default for none) → objects, built per kind on the first `inNamespace` of that kind. */
  private readonly byKindNs = new Map<string, Map<string, KubeResource[]>>();
  /** kind → namespace (NO_NS for none) → name → object, built per kind on the first `get` of that kind. */
  private readonly byName = new Map<string, Map<string, Map<string, KubeResource>>>();
  private readonly byAwsType = new Map<string, AwsResource[]>();
  private readonly byAwsId = new Map<string, AwsResource>();
  private readonly workloadList: Workload[] = [];
  private readonly workloadLists = new Map<string, readonly Workload[]>();
  /** Service → the Ingresses routing to it, computed once per Service (shared lists, never changed). */
  private readonly ingressesOf = new Map<object, readonly KubeResource[]>();
  /** kind (HorizontalPodAutoscaler, ScaledObject) → workload → the objects of that kind scaling it. */
  private readonly targetedBy = new Map<string, Map<Workload, KubeResource[]>>();
  /** Pod Identity associations by their Namespace and ServiceAccount properties, built on first use. */
  private associations?: Map<unknown, Map<unknown, AwsResource[]>>;
  /** namespace → name → workloads, built on first use. */
  private workloadsByName?: Map<string, Map<string, Workload[]>>;
  /** kind (Service, PodDisruptionBudget, NetworkPolicy) → workload → the objects of that kind selecting it. */
  private readonly selectedBy = new Map<string, Map<Workload, KubeResource[]>>();
  private readonly workloadsByNs = new Map<string, Workload[]>();
  /** namespace → unowned workloads indexed by pod label key and value (see selectWorkloads). */
  private readonly podLabels = new PodLabelIndex(this.workloadsByNs);

  constructor(input: InventoryInput) {
    this.kubeResources = input.kube ?? [];
    this.awsResources = input.aws ?? [];
    this.problems = input.problems ?? [];
    this.checkouts = input.checkouts ?? new Map();
    const kinds = new Set(input.coverage?.kubeKinds ?? []);
    const types = new Set(input.coverage?.awsTypes ?? []);
    // Indexed loop: it runs once per object, before the JIT has optimised anything.
    for (let i = 0; i < this.kubeResources.length; i++) {
      const r = this.kubeResources[i];
      const kind = r.object.kind;
      kinds.add(kind);
      push(this.byKind, kind, r);
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

  /** What the Git checkout holding a GitOps object's file shows; undefined when it was not read from one. */
  checkout(r: KubeResource): CheckoutFacts | undefined {
    return this.checkouts.get(r);
  }

  /** Objects of a kind (all kinds when omitted). */
  kube(kind?: string): readonly KubeResource[] {
    return kind === undefined ? this.kubeResources : (this.byKind.get(kind) ?? []);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeResource | undefined {
    let byNs = this.byName.get(kind);
    if (!byNs) {
      // Rules look up a few kinds by name; only those are indexed, without building a key per object.
      byNs = new Map();
      for (const r of this.kube(kind)) {
        const ns = r.object.metadata.namespace ?? NO_NS;
        let names = byNs.get(ns);
        if (!names) {
          names = new Map();
          byNs.set(ns, names);
        }
        names.set(r.object.metadata.name, r);
      }
      this.byName.set(kind, byNs);
    }
    return byNs.get(namespace ?? NO_NS)?.get(name);
  }

  /** Whether the sources read a Kubernetes kind, could not (and why), or were not asked for it (undefined). */
  kindRead(kind: string): KindRead | undefined {
    return readOf(this.coverage.kubeDenied.get(kind), this.coverage.kubeKinds.has(kind));
  }

  /** The AWS counterpart of kindRead. */
  awsTypeRead(type: string): KindRead | undefined {
    return readOf(this.coverage.awsDenied.get(type), this.coverage.awsTypes.has(type));
  }

  /** Whether a source collected this kind (even if none exist). */
  hasKind(kind: string): boolean {
    return this.coverage.kubeKinds.has(kind) && !this.coverage.kubeDenied.has(kind);
  }

  /** Workloads that are not managed by another object (a Deployment, not its ReplicaSets and Pods). */
  workloads(opts: { includeOwned?: boolean; kinds?: readonly string[] } = {}): readonly Workload[] {
    // Every rule asks; the answer per (owned, kinds) is kept. Shared and readonly: callers never change it.
    const cacheKey = `${opts.includeOwned ? 'all' : 'unowned'}|${opts.kinds ? opts.kinds.join('|') : '*'}`;
    let hit = this.workloadLists.get(cacheKey);
    if (!hit) {
      const kinds = opts.kinds ? new Set(opts.kinds) : undefined;
      const list: Workload[] = [];
      for (let i = 0; i < this.workloadList.length; i++) {
        const w = this.workloadList[i];
        if ((opts.includeOwned || !w.owned) && (!kinds || kinds.has(w.kind))) list.push(w);
      }
      this.workloadLists.set(cacheKey, list);
      hit = list;
    }
    return hit;
  }

  /** Namespaces in use: declared Namespace objects and namespaces any object lives in. */
  namespaces(): string[] {
    const out = new Set<string>();
    for (const n of this.kube('Namespace')) out.add(n.object.metadata.name);
    for (let i = 0; i < this.kubeResources.length; i++) {
      const ns = this.kubeResources[i].object.metadata.namespace;
      if (ns) out.add(ns);
    }
    return [...out].sort();
  }

  /** Unowned workloads in a namespace whose pods a label selector picks. */
  selectWorkloads(namespace: string, selector: LabelSelector | undefined): Workload[] {
    return this.selected(namespace, selector, false);
  }

  /** Workloads in a namespace, owned ones too (ReplicaSets, operator StatefulSets), whose pods a label selector picks. */
  selectPods(namespace: string, selector: LabelSelector | undefined): Workload[] {
    return this.selected(namespace, selector, true);
  }

  private selected(namespace: string, selector: LabelSelector | undefined, includeOwned: boolean): Workload[] {
    const candidates = this.podLabels.candidates(namespace, selector?.matchLabels);
    const out: Workload[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const w = candidates[i];
      if ((includeOwned || !w.owned) && matchesSelector(selector, w.podLabels)) out.push(w);
    }
    return out;
  }

  /** Services whose selector picks the workload's pods. */
  servicesFor(w: Workload): readonly KubeResource[] {
    return this.selectorsOf('Service', serviceSelector, serviceSelects).get(w) ?? NONE;
  }

  /** PodDisruptionBudgets whose selector picks the workload's pods. */
  pdbsFor(w: Workload): readonly KubeResource[] {
    return this.selectorsOf('PodDisruptionBudget', pdbMatchLabels, pdbSelects).get(w) ?? NONE;
  }

  /** HorizontalPodAutoscalers targeting the workload. */
  hpasFor(w: Workload): readonly KubeResource[] {
    return this.targetsOf('HorizontalPodAutoscaler').get(w) ?? NONE;
  }

  /** KEDA ScaledObjects targeting the workload. */
  scaledObjectsFor(w: Workload): readonly KubeResource[] {
    return this.targetsOf('ScaledObject').get(w) ?? NONE;
  }

  /** NetworkPolicies in the workload's namespace whose podSelector picks its pods. */
  networkPoliciesFor(w: Workload): readonly KubeResource[] {
    return this.selectorsOf('NetworkPolicy', podSelectorMatchLabels, policySelects).get(w) ?? NONE;
  }

  /** Ingresses that route to a Service (default backend or any rule path). */
  ingressesFor(service: KubeResource): readonly KubeResource[] {
    let hit = this.ingressesOf.get(service);
    if (!hit) {
      const ns = service.object.metadata.namespace ?? 'default';
      const name = service.object.metadata.name;
      hit = this.inNamespace('Ingress', ns).filter((ing) => ingressBackends(ing).includes(name));
      this.ingressesOf.set(service, hit);
    }
    return hit;
  }

  /** The ServiceAccount name a workload runs as. */
  serviceAccountName(w: Workload): string {
    const spec = w.template.spec as { serviceAccountName?: string; serviceAccount?: string } | undefined;
    return spec?.serviceAccountName ?? spec?.serviceAccount ?? 'default';
  }

  /** Objects of a kind in a namespace (a shared list: read it, never change it). */
  inNamespace(kind: string, namespace: string): readonly KubeResource[] {
    let byNs = this.byKindNs.get(kind);
    if (!byNs) {
      // Built per kind on first use: rules ask for a few kinds by namespace, not all.
      byNs = new Map();
      const objects = this.kube(kind);
      for (let i = 0; i < objects.length; i++)
        push(byNs, objects[i].object.metadata.namespace ?? 'default', objects[i]);
      this.byKindNs.set(kind, byNs);
    }
    return byNs.get(namespace) ?? NONE;
  }

  /**
   * For every workload, the objects of a kind (Services, PDBs, NetworkPolicies)
   * in its namespace whose selector picks its pods, in the inventory's order.
   * Built once per kind from the selecting side: each object looks up the
   * workloads carrying its first required label (all of the namespace's when it
   * requires none), and the full selector decides.
   */
  private selectorsOf(
    kind: string,
    required: RequiredLabels,
    selects: (r: KubeResource, podLabels: Readonly<Record<string, string>>) => boolean,
  ): ReadonlyMap<Workload, KubeResource[]> {
    let byWorkload = this.selectedBy.get(kind);
    if (!byWorkload) {
      byWorkload = new Map();
      const objects = this.kube(kind);
      for (let i = 0; i < objects.length; i++) {
        const r = objects[i];
        const candidates = this.podLabels.candidates(r.object.metadata.namespace ?? 'default', required(r));
        for (let j = 0; j < candidates.length; j++) {
          const w = candidates[j];
          if (selects(r, w.podLabels)) push(byWorkload, w, r);
        }
      }
      this.selectedBy.set(kind, byWorkload);
    }
    return byWorkload;
  }

  /**
   * For every workload, the objects of a kind (HPA, ScaledObject) whose
   * scaleTargetRef names it (kind defaulting to Deployment), in the
   * inventory's order; built once per kind from the targeting side.
   */
  private targetsOf(kind: string): ReadonlyMap<Workload, KubeResource[]> {
    let byWorkload = this.targetedBy.get(kind);
    if (!byWorkload) {
      byWorkload = new Map();
      const objects = this.kube(kind);
      for (let i = 0; i < objects.length; i++) {
        const r = objects[i];
        const ref = scaleTarget(r);
        if (!ref?.name) continue;
        const named = this.workloadsNamed(String(r.object.metadata.namespace ?? 'default'), String(ref.name));
        const targetKind = String(ref.kind ?? 'Deployment');
        for (let j = 0; j < named.length; j++) if (named[j].kind === targetKind) push(byWorkload, named[j], r);
      }
      this.targetedBy.set(kind, byWorkload);
    }
    return byWorkload;
  }

  /** The workloads of a namespace with a name (one per kind at most), indexed on first use. */
  private workloadsNamed(namespace: string, name: string): readonly Workload[] {
    if (!this.workloadsByName) {
      this.workloadsByName = new Map();
      for (let i = 0; i < this.workloadList.length; i++) {
        const w = this.workloadList[i];
        let names = this.workloadsByName.get(w.namespace);
        if (!names) {
          names = new Map();
          this.workloadsByName.set(w.namespace, names);
        }
        push(names, w.name, w);
      }
    }
    return this.workloadsByName.get(namespace)?.get(name) ?? NONE_WORKLOADS;
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

  /** Pod Identity associations for a namespace and ServiceAccount (indexed on first use; a shared list). */
  podIdentityAssociations(namespace: string, serviceAccount: string): readonly AwsResource[] {
    if (!this.associations) {
      this.associations = new Map();
      for (const a of this.aws('AWS::EKS::PodIdentityAssociation')) {
        let bySa = this.associations.get(a.properties.Namespace);
        if (!bySa) {
          bySa = new Map();
          this.associations.set(a.properties.Namespace, bySa);
        }
        push(bySa, a.properties.ServiceAccount, a);
      }
    }
    return this.associations.get(namespace)?.get(serviceAccount) ?? NONE_AWS;
  }
}

/**
 * A denial reason starting "forbidden" or "unauthorized" (how the live readers
 * word a 403 or 401, naming the permission) is `forbidden`; any other is `error`.
 */
function readOf(denied: string | undefined, collected: boolean): KindRead | undefined {
  if (denied !== undefined) {
    return { status: /^(forbidden|unauthorized|accessdenied)/i.test(denied) ? 'forbidden' : 'error', reason: denied };
  }
  return collected ? { status: 'read' } : undefined;
}

/** Shared empty answers (never changed). */
const NONE: readonly KubeResource[] = Object.freeze([]);
const NONE_WORKLOADS: readonly Workload[] = Object.freeze([]);
const NONE_AWS: readonly AwsResource[] = Object.freeze([]);

/** The object an HPA or a ScaledObject scales. */
function scaleTarget(r: KubeResource): { kind?: string; name?: string } | undefined {
  return (r.object.spec as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)?.scaleTargetRef;
}

const serviceSelects = (s: KubeResource, podLabels: Readonly<Record<string, string>>) =>
  matchesServiceSelector(serviceSelector(s), podLabels);
const pdbSelects = (p: KubeResource, podLabels: Readonly<Record<string, string>>) =>
  matchesSelector(pdbSelector(p), podLabels);
const policySelects = (p: KubeResource, podLabels: Readonly<Record<string, string>>) =>
  matchesSelector(podSelector(p), podLabels);

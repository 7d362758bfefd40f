import { isPlainObject } from '../util/paths.js';
import {
  buildLabelIndex,
  candidatesFor,
  firstOwnKey,
  type LabelIndex,
  push,
  type RequiredLabels,
} from './label-index.js';
import {
  ingressBackends,
  pdbMatchLabels,
  pdbSelector,
  podSelector,
  podSelectorMatchLabels,
  serviceSelector,
} from './object-fields.js';
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
  /** kind → namespace (NO_NS for none) → name → object, built per kind on the first `get` of that kind. */
  private readonly byName = new Map<string, Map<string, Map<string, KubeResource>>>();
  private readonly byAwsType = new Map<string, AwsResource[]>();
  private readonly byAwsId = new Map<string, AwsResource>();
  private readonly workloadList: Workload[] = [];
  private readonly workloadLists = new Map<string, readonly Workload[]>();
  /** Relationship answers, computed once per workload or object (the inventory never changes); shared, never changed. */
  private readonly memo = {
    services: new Map<object, readonly KubeResource[]>(),
    pdbs: new Map<object, readonly KubeResource[]>(),
    hpas: new Map<object, readonly KubeResource[]>(),
    scaledObjects: new Map<object, readonly KubeResource[]>(),
    networkPolicies: new Map<object, readonly KubeResource[]>(),
    ingresses: new Map<object, readonly KubeResource[]>(),
  };
  private readonly targetIndex = new Map<string, Map<string, KubeResource[]>>();
  /** kind → namespace → objects indexed by one label they require (see candidates). */
  private readonly labelIndex = new Map<string, Map<string, LabelIndex>>();
  private readonly workloadsByNs = new Map<string, Workload[]>();
  /** namespace → unowned workloads indexed by pod label key and value (see selectWorkloads). */
  private readonly podLabelIndex = new Map<string, Map<string, Map<string, Workload[]>>>();

  constructor(input: InventoryInput) {
    this.kubeResources = input.kube ?? [];
    this.awsResources = input.aws ?? [];
    this.problems = input.problems ?? [];
    const kinds = new Set(input.coverage?.kubeKinds ?? []);
    const types = new Set(input.coverage?.awsTypes ?? []);
    // Indexed loop: it runs once per object, before the JIT has optimised anything.
    for (let i = 0; i < this.kubeResources.length; i++) {
      const r = this.kubeResources[i];
      const kind = r.object.kind;
      kinds.add(kind);
      push(this.byKind, kind, r);
      let nsMap = this.byKindNs.get(kind);
      if (!nsMap) {
        nsMap = new Map();
        this.byKindNs.set(kind, nsMap);
      }
      push(nsMap, r.object.metadata.namespace ?? 'default', r);
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
    const inNs = this.workloadsByNs.get(namespace) ?? [];
    const matchLabels = selector?.matchLabels;
    // A selector's matchLabels must all hold, so its first pair narrows the workloads to look at.
    const first = isPlainObject(matchLabels) ? firstOwnKey(matchLabels) : undefined;
    const candidates =
      first === undefined || !matchLabels || matchLabels[first] === undefined
        ? inNs
        : (this.podLabelIndexOf(namespace, inNs).get(first)?.get(String(matchLabels[first])) ?? []);
    const out: Workload[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const w = candidates[i];
      if (!w.owned && matchesSelector(selector, w.podLabels)) out.push(w);
    }
    return out;
  }

  /** Services whose selector picks the workload's pods. */
  servicesFor(w: Workload): readonly KubeResource[] {
    return this.selecting(this.memo.services, 'Service', w, serviceSelector, serviceSelects);
  }

  /** PodDisruptionBudgets whose selector picks the workload's pods. */
  pdbsFor(w: Workload): readonly KubeResource[] {
    return this.selecting(this.memo.pdbs, 'PodDisruptionBudget', w, pdbMatchLabels, pdbSelects);
  }

  /** HorizontalPodAutoscalers targeting the workload. */
  hpasFor(w: Workload): readonly KubeResource[] {
    let hit = this.memo.hpas.get(w);
    if (!hit) {
      hit = this.targeting('HorizontalPodAutoscaler', w);
      this.memo.hpas.set(w, hit);
    }
    return hit;
  }

  /** KEDA ScaledObjects targeting the workload. */
  scaledObjectsFor(w: Workload): readonly KubeResource[] {
    let hit = this.memo.scaledObjects.get(w);
    if (!hit) {
      hit = this.targeting('ScaledObject', w);
      this.memo.scaledObjects.set(w, hit);
    }
    return hit;
  }

  /** NetworkPolicies in the workload's namespace whose podSelector picks its pods. */
  networkPoliciesFor(w: Workload): readonly KubeResource[] {
    return this.selecting(this.memo.networkPolicies, 'NetworkPolicy', w, podSelectorMatchLabels, policySelects);
  }

  /** Ingresses that route to a Service (default backend or any rule path). */
  ingressesFor(service: KubeResource): readonly KubeResource[] {
    let hit = this.memo.ingresses.get(service);
    if (!hit) {
      const ns = service.object.metadata.namespace ?? 'default';
      const name = service.object.metadata.name;
      hit = this.inNamespace('Ingress', ns).filter((ing) => ingressBackends(ing).includes(name));
      this.memo.ingresses.set(service, hit);
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
    return this.byKindNs.get(kind)?.get(namespace) ?? [];
  }

  /**
   * Objects of a kind in the workload's namespace whose selector picks its pods,
   * found once per workload through the label index; one method for every
   * selecting kind, so the lookup is one piece of code (and warms up once).
   */
  private selecting(
    memo: Map<object, readonly KubeResource[]>,
    kind: string,
    w: Workload,
    required: RequiredLabels,
    selects: (r: KubeResource, podLabels: Readonly<Record<string, string>>) => boolean,
  ): readonly KubeResource[] {
    let hit = memo.get(w);
    if (!hit) {
      const found: KubeResource[] = [];
      const candidates = this.candidates(kind, w, required);
      for (let i = 0; i < candidates.length; i++) if (selects(candidates[i], w.podLabels)) found.push(candidates[i]);
      memo.set(w, found);
      hit = found;
    }
    return hit;
  }

  /**
   * Objects of a kind in the workload's namespace that could select its pods:
   * those whose required labels (matchLabels, or a Service's selector) include
   * one of the pod's labels, plus those with none. Indexed once per kind and
   * namespace, so matching stays near-linear; callers still apply the full
   * selector. In the inventory's order; callers must not change the list.
   */
  private candidates(kind: string, w: Workload, required: RequiredLabels): readonly KubeResource[] {
    return candidatesFor(this.labelIndexOf(kind, w.namespace, required), w.podLabels);
  }

  private labelIndexOf(kind: string, namespace: string, required: RequiredLabels): LabelIndex {
    let byNs = this.labelIndex.get(kind);
    if (!byNs) {
      byNs = new Map();
      this.labelIndex.set(kind, byNs);
    }
    let index = byNs.get(namespace);
    if (!index) {
      index = buildLabelIndex(this.byKindNs.get(kind)?.get(namespace) ?? [], required);
      byNs.set(namespace, index);
    }
    return index;
  }

  /** A namespace's workloads by pod label key and value, built on first use. */
  private podLabelIndexOf(namespace: string, workloads: readonly Workload[]): Map<string, Map<string, Workload[]>> {
    let index = this.podLabelIndex.get(namespace);
    if (!index) {
      index = new Map();
      for (let i = 0; i < workloads.length; i++) {
        const w = workloads[i];
        const labels = w.podLabels;
        for (const k in labels) {
          let byValue = index.get(k);
          if (!byValue) {
            byValue = new Map();
            index.set(k, byValue);
          }
          push(byValue, String(labels[k]), w);
        }
      }
      this.podLabelIndex.set(namespace, index);
    }
    return index;
  }

  /** Objects of a kind (HPA, ScaledObject) whose scaleTargetRef names the workload; indexed once per kind. */
  private targeting(kind: string, w: Workload): KubeResource[] {
    let index = this.targetIndex.get(kind);
    if (!index) {
      index = new Map();
      const objects = this.kube(kind);
      for (let i = 0; i < objects.length; i++) {
        const r = objects[i];
        const name = scaleTarget(r)?.name;
        if (name) push(index, String(name), r);
      }
      this.targetIndex.set(kind, index);
    }
    // Indexed by the target's name (a string the parser already made, so no key is built per lookup);
    // the namespace and kind are checked on the few objects that share the name.
    const named = index.get(w.name);
    const out: KubeResource[] = [];
    if (!named) return out;
    for (let i = 0; i < named.length; i++) {
      const r = named[i];
      if (
        String(r.object.metadata.namespace ?? 'default') === w.namespace &&
        String(scaleTarget(r)?.kind ?? 'Deployment') === w.kind
      ) {
        out.push(r);
      }
    }
    return out;
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

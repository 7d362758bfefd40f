import { minorOf, REMOVED_APIS_SOURCE, removedApi } from '../../versions/removed-apis.js';
import type { OpsProblem } from '../problems.js';
import type { UpgradeFacts } from './facts.js';
import type { ApiFinding } from './types.js';

/** The parameters of the checks: the kubelet skew EKS allows and the free IPs a control-plane upgrade needs. */
export interface UpgradeParams {
  /** Minors a kubelet may lag the control plane (3 since Kubernetes 1.28). */
  readonly maxKubeletSkew: number;
  /** Free IPs each control-plane subnet needs for the new control-plane interfaces (EKS asks for 5). */
  readonly minFreeIps: number;
}

export const UPGRADE_DEFAULTS: UpgradeParams = { maxKubeletSkew: 3, minFreeIps: 5 };

/** Objects in API versions the target no longer serves (blockers) or that a later minor removes (warnings). */
export function apiFindings(facts: UpgradeFacts, to: string): ApiFinding[] {
  const target = minorOf(to);
  const out: ApiFinding[] = [];
  for (const o of facts.objects) {
    const hit = removedApi(o.apiVersion, o.kind);
    if (!hit) continue;
    const removed = minorOf(hit.removedIn) <= target;
    if (!removed && minorOf(hit.deprecatedIn) > target) continue;
    out.push({
      object: { kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) },
      ...(o.where ? { where: o.where } : {}),
      apiVersion: o.apiVersion,
      removedIn: hit.removedIn,
      deprecatedIn: hit.deprecatedIn,
      replacement: hit.replacement,
      status: removed ? 'removed' : 'deprecated',
    });
  }
  return out;
}

export function apiProblems(findings: readonly ApiFinding[], to: string): OpsProblem[] {
  return findings.map((f) => ({
    severity: f.status === 'removed' ? 'critical' : 'warning',
    code: f.status === 'removed' ? 'upgrade.removed-api' : 'upgrade.deprecated-api',
    object: f.object,
    what:
      f.status === 'removed'
        ? `${f.apiVersion} ${f.object.kind} is not served by ${to} (removed in ${f.removedIn})`
        : `${f.apiVersion} ${f.object.kind} is deprecated since ${f.deprecatedIn} and removed in ${f.removedIn}`,
    cause: `removed-API table, ${REMOVED_APIS_SOURCE.source}${f.where ? `; at ${f.where}` : ''}`,
    next: `move it to ${f.replacement} (kubectl convert -f <file> --output-version ${f.replacement.includes('/') ? f.replacement : '<group/version>'})`,
    source: 'kubernetes',
  }));
}

/** PDBs that would stop a node drain, and workloads of one replica that go away while their node drains. */
export function drainProblems(facts: UpgradeFacts): OpsProblem[] {
  const out: OpsProblem[] = [];
  for (const pdb of facts.pdbs) {
    const object = { kind: 'PodDisruptionBudget', namespace: pdb.namespace, name: pdb.name };
    let why: string | undefined;
    if (pdb.disruptionsAllowed === 0) why = 'status.disruptionsAllowed is 0';
    else if (pdb.maxUnavailable === 0 || pdb.maxUnavailable === '0%') why = `maxUnavailable is ${pdb.maxUnavailable}`;
    else if (pdb.minAvailable === '100%') why = 'minAvailable is 100%';
    else {
      const w = pdb.workloads.find((x) => typeof pdb.minAvailable === 'number' && pdb.minAvailable >= x.replicas);
      if (w) why = `minAvailable ${pdb.minAvailable} equals the ${w.replicas} replica(s) of ${w.kind} ${w.name}`;
    }
    if (!why) continue;
    out.push({
      severity: 'critical',
      code: 'upgrade.pdb-blocks-drain',
      object,
      what: `no pod it protects may be evicted (${why}): node group upgrades stall on this node`,
      next: `raise the replicas or lower minAvailable first; see kubectl get pdb ${pdb.name} -n ${pdb.namespace}`,
      source: 'kubernetes',
    });
  }
  for (const w of facts.workloads) {
    if (w.replicas !== 1) continue;
    out.push({
      severity: 'warning',
      code: 'upgrade.single-replica',
      object: { kind: w.kind, namespace: w.namespace, name: w.name },
      what: 'runs one replica: it is down while its node drains',
      next: `scale it for the upgrade: kubectl scale ${w.kind.toLowerCase()}/${w.name} -n ${w.namespace} --replicas=2`,
      source: 'kubernetes',
    });
  }
  return out;
}

/** Kubelets more than the allowed skew behind the target, and control-plane subnets short of free IPs. */
export function clusterProblems(facts: UpgradeFacts, to: string, p: UpgradeParams): OpsProblem[] {
  const out: OpsProblem[] = [];
  if (facts.kubelets.state === 'read') {
    for (const k of facts.kubelets.value) {
      const lag = minorOf(to) - minorOf(k.version);
      if (lag <= p.maxKubeletSkew) continue;
      out.push({
        severity: 'critical',
        code: 'upgrade.kubelet-skew',
        object: { kind: 'Node', name: k.node },
        what: `kubelet ${k.version} would be ${lag} minors behind ${to}; at most ${p.maxKubeletSkew} are allowed`,
        next: 'upgrade or replace this node before the control plane',
        source: 'kubernetes',
      });
    }
  }
  if (facts.controlPlaneSubnets.state === 'read') {
    for (const s of facts.controlPlaneSubnets.value) {
      if (s.freeIps >= p.minFreeIps) continue;
      out.push({
        severity: 'critical',
        code: 'upgrade.subnet-ips',
        object: { kind: 'Subnet', name: s.id },
        what: `${s.freeIps} free IPs; a control-plane upgrade needs at least ${p.minFreeIps} in each control-plane subnet`,
        next: `free addresses in ${s.id} or add subnets to the cluster (aws eks update-cluster-config --resources-vpc-config)`,
        source: 'aws',
      });
    }
  }
  return out;
}

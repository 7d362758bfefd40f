import type { Fact } from '../facts.js';

/**
 * What the upgrade plan reads, as plain typed facts: the objects' API
 * versions, the PDBs and the replicas of what they protect, and what only a
 * live cluster and account show (kubelet versions, free IPs of the
 * control-plane subnets).
 */

export interface ObjectVersion {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** file:line, or the cluster, where it was read. */
  readonly where?: string;
}

export interface PdbFacts {
  readonly namespace: string;
  readonly name: string;
  readonly minAvailable?: number | string;
  readonly maxUnavailable?: number | string;
  /** status.disruptionsAllowed, when a live cluster reported it. */
  readonly disruptionsAllowed?: number;
  /** The workloads it selects, with their replicas. */
  readonly workloads: readonly { readonly kind: string; readonly name: string; readonly replicas: number }[];
}

export interface WorkloadReplicas {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly replicas: number;
}

export interface UpgradeFacts {
  readonly environment: string;
  readonly clusterName: string;
  readonly region: string;
  /** The cluster's minor: kubernetesVersion of the config (static) or the cluster's (live). */
  readonly current: string;
  readonly nodeGroups: readonly string[];
  readonly objects: readonly ObjectVersion[];
  readonly pdbs: readonly PdbFacts[];
  readonly workloads: readonly WorkloadReplicas[];
  /** Kubelet minor per node. */
  readonly kubelets: Fact<readonly { readonly node: string; readonly version: string }[]>;
  /** Free IPv4 addresses per control-plane subnet. */
  readonly controlPlaneSubnets: Fact<readonly { readonly id: string; readonly freeIps: number }[]>;
  /** Managed add-ons and charts the environment installs (names as in the version lock). */
  readonly addons: readonly string[];
  readonly charts: readonly string[];
  /** Versions EKS offers for the target minor per managed add-on (DescribeAddonVersions). */
  readonly addonVersions?: Fact<readonly AddonVersionsFact[]>;
  /** EKS upgrade insights of the cluster (ListInsights + DescribeInsight). */
  readonly insights?: Fact<readonly UpgradeInsight[]>;
  /** Live only: the control plane's version as EKS reported it (unknown: `current` is the config's). */
  readonly clusterVersion?: Fact<string>;
  /** Live only: Kubernetes kinds the cluster refused, with why; the parts built from them are partial. */
  readonly unread?: Readonly<Record<string, string>>;
}

export interface AddonVersionsFact {
  readonly addon: string;
  /** The minor the versions were asked for. */
  readonly kubernetesVersion: string;
  /** Every version EKS offers for that minor (empty: the add-on is not offered for it). */
  readonly versions: readonly string[];
}

export interface UpgradeInsight {
  readonly id: string;
  readonly name: string;
  /** The minor the insight is about. */
  readonly kubernetesVersion?: string;
  /** PASSING, WARNING, ERROR or UNKNOWN. */
  readonly status: string;
  readonly reason?: string;
  readonly recommendation?: string;
  /** How many resources the insight found (deprecated API calls, add-ons, nodes, …). */
  readonly resources: number;
}

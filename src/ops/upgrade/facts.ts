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
}

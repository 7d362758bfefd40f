import type { KubeObject } from '../../inventory/types.js';
import type { Fact } from '../facts.js';
import type { OpsProblem } from '../problems.js';

/** One EKS add-on as DescribeAddon shows it. */
export interface AddonFact {
  readonly name: string;
  readonly version?: string;
  /** ACTIVE, CREATING, CREATE_FAILED, DEGRADED, UPDATING, UPDATE_FAILED, DELETING, DELETE_FAILED. */
  readonly status: string;
  readonly issues?: readonly { readonly code?: string; readonly message?: string }[];
}

/** Usage of one node or pod from metrics.k8s.io (NodeMetrics / PodMetrics objects). */
export type MetricsObject = KubeObject;

/** What `status` reads. Each part is a Fact: a part the source could not read is unknown, never empty. */
export interface StatusInput {
  /** Now, as an ISO time: "recent" is measured from it, so the same input gives the same report. */
  readonly now: string;
  /** The EKS cluster name, for the commands the report suggests. */
  readonly cluster?: string;
  /** `-n`: only this namespace's workloads, pods, ExternalSecrets, claims and events (nodes and add-ons stay whole). */
  readonly namespace?: string;
  /** The API server's version (gitVersion, such as v1.33.4-eks-1234567). */
  readonly controlPlaneVersion: Fact<string>;
  readonly nodes: Fact<readonly KubeObject[]>;
  readonly pods: Fact<readonly KubeObject[]>;
  readonly events: Fact<readonly KubeObject[]>;
  readonly deployments: Fact<readonly KubeObject[]>;
  readonly statefulSets: Fact<readonly KubeObject[]>;
  readonly daemonSets: Fact<readonly KubeObject[]>;
  readonly externalSecrets: Fact<readonly KubeObject[]>;
  readonly persistentVolumeClaims: Fact<readonly KubeObject[]>;
  /** NodeMetrics from metrics.k8s.io; absent when metrics-server is not asked. */
  readonly nodeMetrics?: Fact<readonly MetricsObject[]>;
  /** DescribeAddon for each add-on of the cluster. */
  readonly addons: Fact<readonly AddonFact[]>;
}

/**
 * Thresholds of `status`. Defaults (STATUS_DEFAULTS):
 * - maxKubeletMinorsBehind 3: the Kubernetes version skew policy (since 1.28) lets a kubelet
 *   run up to three minor versions older than the API server, never newer.
 * - recentEventsSeconds 3600: Warning events of the last hour are "recent".
 * - allocationWarnPercent 90: requests at or above this share of a node's allocatable CPU or memory are flagged.
 * - maxEventGroups 20: recent Warning events are grouped by object; at most this many groups are listed.
 */
export interface StatusParams {
  readonly maxKubeletMinorsBehind: number;
  readonly recentEventsSeconds: number;
  readonly allocationWarnPercent: number;
  readonly maxEventGroups: number;
}

export const STATUS_DEFAULTS: StatusParams = {
  maxKubeletMinorsBehind: 3,
  recentEventsSeconds: 3600,
  allocationWarnPercent: 90,
  maxEventGroups: 20,
};

export interface NodeRow {
  readonly name: string;
  readonly zone: string;
  /** on-demand, spot, or unknown when no label says. */
  readonly capacityType: string;
  readonly instanceType?: string;
  readonly ready: boolean;
  /** Conditions other than Ready that are True (MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable). */
  readonly pressure: readonly string[];
  readonly unschedulable: boolean;
  readonly kubeletVersion: string;
  /** Minor versions the kubelet is behind the control plane (negative: ahead); undefined when either is unknown. */
  readonly skew?: number;
  readonly pods: number;
  /** Cores and bytes. */
  readonly allocatable: { readonly cpu: number; readonly memory: number };
  readonly requested: { readonly cpu: number; readonly memory: number };
  readonly requestedPercent: { readonly cpu: number; readonly memory: number };
  readonly usage?: { readonly cpu: number; readonly memory: number };
  readonly usagePercent?: { readonly cpu: number; readonly memory: number };
}

export interface NodeGroupRow {
  readonly zone: string;
  readonly capacityType: string;
  readonly nodes: number;
  readonly ready: number;
}

export interface WorkloadRow {
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  readonly namespace: string;
  readonly name: string;
  readonly desired: number;
  readonly ready: number;
  readonly updated: number;
  readonly unavailable: number;
  /** ProgressDeadlineExceeded, or the condition or counts that make it degraded. */
  readonly reason: string;
}

export interface PodRow {
  readonly namespace: string;
  readonly name: string;
  readonly workload: { readonly kind: string; readonly name: string };
  readonly node?: string;
  /** CrashLoopBackOff, OOMKilled, ImagePullBackOff, ErrImagePull, Pending, … */
  readonly reason: string;
  readonly container?: string;
  readonly restarts: number;
  readonly detail?: string;
  readonly latestWarning?: { readonly reason: string; readonly message: string; readonly last: string };
}

export interface ExternalSecretRow {
  readonly namespace: string;
  readonly name: string;
  readonly reason: string;
  readonly message: string;
}

export interface ClaimRow {
  readonly namespace: string;
  readonly name: string;
  readonly phase: string;
  readonly storageClass?: string;
  readonly latestWarning?: { readonly reason: string; readonly message: string };
}

export interface AddonRow {
  readonly name: string;
  readonly version?: string;
  readonly status: string;
  readonly issues: readonly string[];
}

export interface EbsCsiRow {
  /** Ready/desired of the controller Deployment, or undefined when none runs. */
  readonly controller?: { readonly ready: number; readonly desired: number };
  readonly podsNotReady: readonly string[];
}

export interface EventGroup {
  readonly object: { readonly kind: string; readonly name: string; readonly namespace?: string };
  /** Total occurrences (sum of counts). */
  readonly count: number;
  readonly reasons: readonly string[];
  readonly last: string;
  readonly latestMessage: string;
}

/** The cluster on one screen: every section, the problems, and what could not be read. */
export interface StatusReport {
  readonly controlPlane: { readonly version?: string; readonly minor?: string };
  readonly nodes: readonly NodeRow[];
  readonly nodeGroups: readonly NodeGroupRow[];
  readonly workloads: readonly WorkloadRow[];
  readonly pods: readonly PodRow[];
  readonly externalSecrets: readonly ExternalSecretRow[];
  readonly claims: readonly ClaimRow[];
  readonly ebsCsi?: EbsCsiRow;
  readonly addons: readonly AddonRow[];
  readonly recentWarnings: readonly EventGroup[];
  /** Groups beyond maxEventGroups, not listed. */
  readonly moreWarningGroups: number;
  readonly problems: readonly OpsProblem[];
  /** Parts that could not be read, with the reason: their sections show nothing and say so. */
  readonly unknown: Readonly<Record<string, string>>;
}

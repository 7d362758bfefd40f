import type { Fact } from '../facts.js';

/**
 * What the cost report reads, as plain typed facts. Static mode builds them
 * from the config and the synthesized (or given) objects; live mode from the
 * cluster and the account. The analysis never knows which.
 */

export interface Resources {
  /** CPU in millicores. */
  readonly cpuMillis?: number;
  readonly memoryBytes?: number;
}

/** What a container used: a point-in-time sample (metrics.k8s.io) or a window (p95 CPU, max memory). */
export interface Usage {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly basis: 'point-in-time' | 'window';
  /** The window the figures cover ("7d"), for `window`. */
  readonly window?: string;
}

export interface ContainerFacts {
  readonly namespace: string;
  readonly workloadKind: string;
  readonly workload: string;
  readonly container: string;
  /** Pods the workload runs (replicas; 1 for kinds without replicas). */
  readonly pods: number;
  readonly requests: Resources;
  readonly limits: Resources;
  readonly usage: Fact<Usage>;
  /** The node group its pods are pinned to (slipway.io/node-group), if any. */
  readonly nodeGroup?: string;
  /** The capacity its pods are pinned to (slipway.io/capacity), if any. */
  readonly capacity?: 'on-demand' | 'spot';
  /** Whether the work is interruptible (queue workers, Jobs, CronJobs): fit for spot. */
  readonly interruptible: boolean;
  /** Whether it keeps state (StatefulSet or claims a volume): belongs on on-demand. */
  readonly stateful: boolean;
}

export interface NodeGroupFacts {
  readonly name: string;
  readonly capacity: 'onDemand' | 'spot';
  readonly instanceTypes: readonly string[];
  readonly min: number;
  readonly max: number;
  /** Nodes running now (live) or the desired count (static). */
  readonly nodes: number;
  readonly zones: readonly string[];
}

export interface NodeFacts {
  readonly name: string;
  readonly nodeGroup?: string;
  readonly zone?: string;
  readonly instanceType?: string;
  readonly capacity?: 'on-demand' | 'spot';
  readonly allocatable: Required<Resources>;
  readonly requested: Required<Resources>;
  /** Pods on the node that no DaemonSet owns. */
  readonly workloadPods: number;
}

export interface VolumeFacts {
  readonly namespace: string;
  /** Claim name (for a StatefulSet template: `<template>-<statefulset>-<ordinal>`). */
  readonly claim: string;
  readonly storageClass?: string;
  /** EBS volume type (gp2, gp3, io1, …), unknown when the class is not among the sources. */
  readonly volumeType: Fact<string>;
  readonly sizeGi: number;
  /** Pending, Bound, or `planned` for a claim not created yet (files, templates). */
  readonly phase: 'Pending' | 'Bound' | 'Lost' | 'planned';
  /** Whether a workload's pods mount the claim. */
  readonly mounted: Fact<boolean>;
  readonly usedGi: Fact<number>;
  /** The StatefulSet that owns the claim template, if any. */
  readonly statefulSet?: string;
  /** Tags the class puts on its volumes (tagSpecification_N parameters); live: the EBS volume's own tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Live: the EBS volume behind the claim's PersistentVolume. */
  readonly volumeId?: string;
}

export interface SnapshotFacts {
  readonly id: string;
  readonly volumeId?: string;
  readonly sizeGi: number;
  readonly ageDays: number;
}

export interface LogGroupFacts {
  readonly name: string;
  /** undefined: never expire. */
  readonly retentionDays?: number;
  readonly storedBytes: Fact<number>;
}

/** The control plane's minor and which EKS support window it is in. */
export interface ControlPlaneFacts {
  readonly version: string;
  readonly support: Fact<'standard' | 'extended' | 'ended'>;
}

export interface CostFacts {
  readonly environment: string;
  readonly region: string;
  readonly clusterName: string;
  readonly controlPlane: ControlPlaneFacts;
  readonly containers: readonly ContainerFacts[];
  readonly nodeGroups: readonly NodeGroupFacts[];
  readonly nodes: Fact<readonly NodeFacts[]>;
  readonly volumes: readonly VolumeFacts[];
  readonly snapshots: Fact<readonly SnapshotFacts[]>;
  readonly logGroups: Fact<readonly LogGroupFacts[]>;
  /** Live only: Kubernetes kinds the cluster refused, with why; the parts built from them are partial. */
  readonly unread?: Readonly<Record<string, string>>;
}

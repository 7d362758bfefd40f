import type { KubeObject } from '../../inventory/types.js';
import type {
  EbsVolumeFact,
  EcrRepositoryFact,
  IamRoleFact,
  LoadBalancerFact,
  NodeGroupScalingFact,
  PodIdentityAssociationFact,
  SecretsManagerFacts,
} from '../common/aws-facts.js';
import type { Fact } from '../facts.js';
import type { ObjectRef, OpsProblem } from '../problems.js';

export const DOCTOR_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Pod', 'App'] as const;
export type DoctorKind = (typeof DOCTOR_KINDS)[number];

/** What to diagnose: a workload, a pod, or an app (the workload whose pods carry app.kubernetes.io/name or app). */
export interface DoctorTarget {
  readonly kind: DoctorKind;
  readonly name: string;
  readonly namespace: string;
}

export interface DoctorAwsFacts {
  readonly ecr?: Fact<readonly EcrRepositoryFact[]>;
  readonly secretsManager?: Fact<SecretsManagerFacts>;
  readonly podIdentityAssociations?: Fact<readonly PodIdentityAssociationFact[]>;
  readonly iamRoles?: Fact<readonly IamRoleFact[]>;
  readonly ebsVolumes?: Fact<readonly EbsVolumeFact[]>;
  readonly loadBalancers?: Fact<readonly LoadBalancerFact[]>;
  readonly nodeGroups?: Fact<readonly NodeGroupScalingFact[]>;
}

export interface DoctorInput {
  readonly now: string;
  readonly cluster?: string;
  readonly target: DoctorTarget;
  /**
   * Objects by kind: Deployment, ReplicaSet, StatefulSet, DaemonSet, CronJob, Job, Pod, Event,
   * Service, EndpointSlice, Ingress, ServiceAccount, ExternalSecret, SecretStore,
   * ClusterSecretStore, Secret (metadata only), PersistentVolumeClaim, PersistentVolume, Node.
   * A kind that is absent was not read; its links are unknown.
   */
  readonly kube: Readonly<Record<string, Fact<readonly KubeObject[]>>>;
  /** Previous-container logs by "namespace/pod/container". */
  readonly previousLogs: Readonly<Record<string, Fact<string>>>;
  /** AWS facts; a part that is absent was not asked, and its links are unknown. */
  readonly aws: DoctorAwsFacts;
}

/**
 * Thresholds of `doctor`. Defaults (DOCTOR_DEFAULTS):
 * - tailLines 20: lines of the previous container's log shown.
 * - restartWarn 3: a container restarted more often than this is a problem even while it runs.
 * - controllerServiceAccount external-secrets/external-secrets: the identity a SecretStore without its own uses.
 * - recentJobs 3: a CronJob's newest Jobs followed.
 * - maxCriticalFindings 0: a running image with more critical findings than this is a problem.
 */
export interface DoctorParams {
  readonly tailLines: number;
  readonly recentJobs: number;
  readonly maxCriticalFindings: number;
  readonly restartWarn: number;
  readonly controllerServiceAccount: { readonly namespace: string; readonly name: string };
}

export const DOCTOR_DEFAULTS: DoctorParams = {
  tailLines: 20,
  recentJobs: 3,
  maxCriticalFindings: 0,
  restartWarn: 3,
  controllerServiceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
};

export type LinkState = 'ok' | 'problem' | 'unknown';

/** One link of the chain from the workload to the AWS resources behind it. */
export interface DoctorLink {
  /** Deployment, ReplicaSet, Pod, Container, Previous log, Events, Image, Service, EndpointSlice, Ingress, ALB, ServiceAccount, Pod Identity, IAM role, ExternalSecret, Secrets Manager, PVC, PV, EBS volume. */
  readonly step: string;
  readonly object?: ObjectRef;
  readonly state: LinkState;
  /** What was seen, in one line. */
  readonly detail: string;
  /** For a problem: what is wrong, why and what to do next. */
  readonly problem?: OpsProblem;
  /** For an unknown link: why it could not be read. */
  readonly reason?: string;
  /** Log lines (the previous container's tail). */
  readonly lines?: readonly string[];
}

export interface DoctorReport {
  readonly target: DoctorTarget;
  /** False when the target does not exist (or could not be read: see unknown). */
  readonly found: boolean;
  /** The first broken link; owner links (workload, ReplicaSet) yield to the pod-level link that breaks them. */
  readonly headline?: OpsProblem;
  readonly chain: readonly DoctorLink[];
  readonly problems: readonly OpsProblem[];
  readonly unknown: Readonly<Record<string, string>>;
}

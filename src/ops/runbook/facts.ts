import type { DrReport } from '../dr/report.js';
import type { Fact } from '../facts.js';
import type { UpgradePlan } from '../upgrade/types.js';

/** What the runbooks are written from, as plain facts with the environment's real names. */
export interface RunbookApp {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly replicas?: number;
  readonly containers: readonly string[];
  /** Label selector of its pods, as kubectl -l takes it. */
  readonly selector: string;
  /** The HorizontalPodAutoscaler or ScaledObject that scales it, if any. */
  readonly scaledBy?: { readonly kind: string; readonly name: string; readonly min?: number; readonly max?: number };
  /** Its runbook annotation, when it already carries one. */
  readonly annotation?: string;
}

export interface RunbookSecret {
  readonly namespace: string;
  readonly name: string;
  readonly target: string;
  readonly store: string;
  readonly keys: readonly string[];
  readonly refreshInterval?: string;
}

export interface RunbookAlarm {
  readonly name: string;
  readonly description?: string;
  readonly metric?: string;
  readonly threshold?: number;
  /** Live: the alarm's state (OK, ALARM, INSUFFICIENT_DATA). */
  readonly state?: string;
  /** Live: what it notifies (SNS topic ARNs of its alarm, OK and insufficient-data actions). */
  readonly actions?: readonly string[];
}

export interface RunbookLogGroup {
  readonly name: string;
  readonly retentionDays?: number;
}

export interface RunbookNodeGroup {
  readonly name: string;
  readonly capacity: string;
  /** Scaling bounds from the config (the node labels do not carry them). */
  readonly min?: number;
  readonly max?: number;
  readonly instanceTypes: readonly string[];
  /** Live: the nodes carrying this group's label. */
  readonly nodes?: number;
}

/** Live: a claim and the EBS volume behind its PersistentVolume. */
export interface RunbookVolume {
  readonly namespace: string;
  readonly claim: string;
  readonly volumeId?: string;
  readonly storageClass?: string;
}

/** The parts a live run may not read, or may find short of what the config names. */
export type RunbookPart = 'apps' | 'secrets' | 'logGroups' | 'nodeGroups' | 'alarms' | 'volumes';

export interface RunbookFacts {
  readonly environment: string;
  readonly clusterName: string;
  readonly region: string;
  /** Where the parts were read: `config` or the live cluster and account. */
  readonly source: string;
  readonly apps: Fact<readonly RunbookApp[]>;
  readonly secrets: Fact<readonly RunbookSecret[]>;
  readonly logGroups: Fact<readonly RunbookLogGroup[]>;
  readonly nodeGroups: Fact<readonly RunbookNodeGroup[]>;
  readonly alarms: Fact<readonly RunbookAlarm[]>;
  /** Live only: claims and their EBS volumes. */
  readonly volumes?: Fact<readonly RunbookVolume[]>;
  /** Live: Kubernetes kinds the cluster refused, kind → why (the pages name them). */
  readonly unread?: Readonly<Record<string, string>>;
  /** Live: what the config names that the cluster or account lacks, per part. */
  readonly configOnly?: Readonly<Partial<Record<RunbookPart, readonly string[]>>>;
  /** The restore scenarios, or why there are none. */
  readonly dr: DrReport | { readonly unavailable: string };
  /** The next upgrade, or why it cannot be planned. */
  readonly upgrade: UpgradePlan | { readonly unavailable: string };
}

import type { VolumeFacts } from '../cost/facts.js';
import type { Fact } from '../facts.js';

/** A backup plan (AWS Backup) or snapshot policy (DLM) and the volume tags it selects. */
export interface BackupPlanFacts {
  readonly kind: 'aws-backup' | 'dlm';
  readonly name: string;
  /** The vault recovery points land in (AWS Backup). */
  readonly vault?: string;
  /** Schedule expressions of its rules. */
  readonly schedules: readonly string[];
  /** Days a recovery point is kept, or the count of snapshots (DLM `retainCount`). */
  readonly retentionDays?: number;
  readonly retainCount?: number;
  /** Each entry is one selection: every tag in it must match (AWS Backup tag conditions, DLM target tags). */
  readonly selections: readonly Readonly<Record<string, string>>[];
  /** Resource ARNs (or ARN patterns with `*`) the selections name directly (AWS Backup). */
  readonly resources?: readonly string[];
  /** Regions recovery points are copied to. */
  readonly copyRegions: readonly string[];
}

/** The latest recovery point of a volume and the last restore job, when the account answered. */
export interface RecoveryFacts {
  readonly claim: string;
  readonly namespace: string;
  readonly latestRecoveryPointAgeHours?: number;
  readonly lastRestoreJob?: { readonly status: string; readonly ageDays: number };
}

export interface DrFacts {
  /** Live only: Kubernetes kinds the cluster refused, with why; the parts built from them are partial. */
  readonly unread?: Readonly<Record<string, string>>;
  readonly environment: string;
  readonly project: string;
  readonly clusterName: string;
  readonly region: string;
  /** backup.schedule and components.backup of the environment. */
  readonly backup: { readonly enabled: boolean; readonly schedule: string; readonly retentionDays: number };
  readonly volumes: readonly VolumeFacts[];
  readonly plans: Fact<readonly BackupPlanFacts[]>;
  readonly recovery: Fact<readonly RecoveryFacts[]>;
  /** Secrets the ExternalSecrets read, as Secrets Manager names. */
  readonly secrets: readonly { readonly namespace: string; readonly externalSecret: string; readonly key: string }[];
  readonly secretsPath: string;
  readonly imageReplicationRegions: readonly string[];
  readonly gitops: { readonly tool: string; readonly repoURL?: string };
  readonly nodeGroups: readonly string[];
  readonly zones: readonly string[];
}

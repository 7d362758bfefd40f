import type { DrReport } from '../dr/report.js';
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
}

export interface RunbookFacts {
  readonly environment: string;
  readonly clusterName: string;
  readonly region: string;
  readonly apps: readonly RunbookApp[];
  readonly secrets: readonly RunbookSecret[];
  readonly logGroups: readonly { readonly name: string; readonly retentionDays?: number }[];
  readonly nodeGroups: readonly {
    readonly name: string;
    readonly capacity: string;
    readonly min: number;
    readonly max: number;
    readonly instanceTypes: readonly string[];
  }[];
  readonly alarms: readonly RunbookAlarm[];
  /** The restore scenarios, or why there are none. */
  readonly dr: DrReport | { readonly unavailable: string };
  /** The next upgrade, or why it cannot be planned. */
  readonly upgrade: UpgradePlan | { readonly unavailable: string };
}

import type { KubeObject } from '../../inventory/types.js';
import type { FilteredLogEvent, LogGroupFact } from '../common/aws-facts.js';
import type { Fact } from '../facts.js';
import type { OpsProblem } from '../problems.js';

export interface LogsInput {
  /** Now, as an ISO time: the window ends here. */
  readonly now: string;
  /** The window: errors older than now minus this are left out (the seed: the last hour). */
  readonly sinceSeconds: number;
  /** The app (workload name, or app.kubernetes.io/name) in a namespace; absent: the whole cluster. */
  readonly app?: { readonly namespace: string; readonly name: string };
  readonly pods: Fact<readonly KubeObject[]>;
  /** Previous-container logs by "namespace/pod/container", read for crash-looping containers. */
  readonly previousLogs: Readonly<Record<string, Fact<string>>>;
  /** The cluster's log groups (Container Insights: /aws/containerinsights/<cluster>/…). */
  readonly logGroups: Fact<readonly LogGroupFact[]>;
  /** FilterLogEvents over the application log group. */
  readonly errorEvents: Fact<{
    readonly logGroup: string;
    readonly filterPattern?: string;
    readonly events: readonly FilteredLogEvent[];
  }>;
}

/**
 * Thresholds of `logs`. Defaults (LOGS_DEFAULTS):
 * - tailLines 20: lines of a previous container's log kept.
 * - maxGroups 25: error groups listed, most frequent first.
 * - burstCount 50: a message signature seen this often in the window is a problem.
 * - maxRetentionDays 90 and minRetentionDays 7: log groups kept forever, or outside 7–90 days, are flagged
 *   (the seed: 7 days in test, 30–90 in production; without retention CloudWatch costs grow unbounded).
 */
export interface LogsParams {
  readonly tailLines: number;
  readonly maxGroups: number;
  readonly burstCount: number;
  readonly minRetentionDays: number;
  readonly maxRetentionDays: number;
}

export const LOGS_DEFAULTS: LogsParams = {
  tailLines: 20,
  maxGroups: 25,
  burstCount: 50,
  minRetentionDays: 7,
  maxRetentionDays: 90,
};

export interface ContainerLogRow {
  readonly name: string;
  readonly ready: boolean;
  readonly restarts: number;
  /** running, waiting: <reason>, terminated: <reason>. */
  readonly state: string;
  readonly lastTermination?: { readonly reason?: string; readonly exitCode?: number; readonly finishedAt?: string };
  /** The tail of the previous container's log, for crash-looping containers. */
  readonly previous?:
    | { readonly tail: readonly string[]; readonly errorLines: readonly string[] }
    | { readonly unknown: string };
}

export interface PodLogRow {
  readonly namespace: string;
  readonly name: string;
  readonly phase: string;
  readonly node?: string;
  readonly containers: readonly ContainerLogRow[];
}

export interface ErrorGroup {
  readonly namespace: string;
  readonly workload: string;
  /** The message with numbers, ids, addresses and times replaced by placeholders. */
  readonly signature: string;
  readonly count: number;
  readonly pods: readonly string[];
  readonly first: string;
  readonly last: string;
  /** The newest line of the group, as logged. */
  readonly latest: string;
}

export interface LogsReport {
  readonly app?: { readonly namespace: string; readonly name: string };
  readonly window: { readonly from: string; readonly to: string };
  readonly pods: readonly PodLogRow[];
  readonly logGroups: readonly LogGroupFact[];
  readonly errors: {
    readonly logGroup?: string;
    readonly filterPattern?: string;
    readonly total: number;
    /** Lines returned that fall outside the window (left out of the groups). */
    readonly outsideWindow: number;
    readonly groups: readonly ErrorGroup[];
    /** Groups beyond maxGroups, not listed. */
    readonly moreGroups: number;
  };
  readonly problems: readonly OpsProblem[];
  readonly unknown: Readonly<Record<string, string>>;
}

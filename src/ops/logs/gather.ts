import type { KubeObject } from '../../kube/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { unknownFact } from '../facts.js';
import { errorEventFacts, logGroupFacts } from '../gather/aws-logs.js';
import { DEFAULT_CONCURRENCY, type GatherLimits, listFact } from '../gather/kube-lists.js';
import { readPreviousLogs } from '../gather/previous-logs.js';
import { belongsToApp } from './logs.js';
import { LOGS_DEFAULTS, type LogsInput } from './types.js';

/** Why the pods are not read with `--errors`. */
export const ERRORS_ONLY = 'left out: --errors reads only the error lines in CloudWatch';

/** The CloudWatch Logs filter pattern for error lines when none is given. */
export const DEFAULT_ERROR_PATTERN = '?ERROR ?Error ?error ?Exception ?FATAL ?panic';

export interface LogsGatherOptions extends GatherLimits {
  readonly cluster?: string;
  /** The app in its namespace; absent: the whole cluster (or the connection's namespace). */
  readonly app?: LogsInput['app'];
  readonly sinceSeconds: number;
  readonly now?: string;
  /** Lines of each previous log read; default LOGS_DEFAULTS.tailLines. */
  readonly tailLines?: number;
  /** true: the previous log of every container that restarted (`--previous`); else only crash-looping or OOM-killed ones. */
  readonly previous?: boolean;
  readonly logGroup?: string;
  readonly filterPattern?: string;
  /** Most error lines read from CloudWatch; default 1,000. */
  readonly maxEvents?: number;
  /** true (`--errors`): only the CloudWatch error lines; pods and their previous logs are left out, and say so. */
  readonly errorsOnly?: boolean;
}

/**
 * Reads what `logsReport` needs: the pods (of the app), the previous
 * container's log of those that crashed, the cluster's Container Insights
 * log groups, and FilterLogEvents over the application group for the window.
 */
export async function gatherLogs(conn: LiveConnection, options: LogsGatherOptions): Promise<LogsInput> {
  const now = options.now ?? new Date().toISOString();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const end = Date.parse(now);
  const [pods, logGroups, errorEvents] = await Promise.all([
    options.errorsOnly
      ? Promise.resolve(unknownFact<KubeObject[]>(ERRORS_ONLY))
      : listFact(conn.kube, 'Pod', options.app?.namespace ?? conn.namespace, options),
    logGroupFacts(conn.aws, options.cluster),
    errorEventFacts(conn.aws, options.cluster, {
      ...(options.logGroup ? { logGroup: options.logGroup } : {}),
      filterPattern: options.filterPattern ?? DEFAULT_ERROR_PATTERN,
      startTime: end - options.sinceSeconds * 1000,
      endTime: end,
      maxEvents: options.maxEvents ?? 1_000,
    }),
  ]);
  const appPods = pods.state === 'read' ? pods.value.filter((p) => belongsToApp(p, options.app)) : [];
  const previousLogs = await readPreviousLogs(conn.kube, appPods, {
    tailLines: options.tailLines ?? LOGS_DEFAULTS.tailLines,
    allRestarted: options.previous === true,
    concurrency,
  });
  return {
    now,
    sinceSeconds: options.sinceSeconds,
    ...(options.app ? { app: options.app } : {}),
    pods,
    previousLogs,
    logGroups,
    errorEvents,
  };
}

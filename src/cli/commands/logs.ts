import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions, UsageError, useColor } from '../context.js';
import { positiveFlag } from '../live-options.js';
import {
  addOpsLiveOptions,
  emitReport,
  OPS_LIVE_HELP,
  type OpsLiveFlags,
  openOpsLive,
  opsLiveExitCode,
} from '../ops-live.js';

const HELP = `
An app's pods and containers with the tail of the previous container's log for those that
crashed (the seed's kubectl logs --previous), the cluster's Container Insights log groups with
their retention, and the error lines of the window in CloudWatch (FilterLogEvents over
/aws/containerinsights/<cluster>/application), grouped by namespace, workload and message.
Without APP: the whole cluster's (or -n's) errors.
${OPS_LIVE_HELP}

Examples:
  $ slipway logs checkout -n shop --env prod
  $ slipway logs --env prod --since 6h
  $ slipway logs --errors --env prod --since 1h
  $ slipway logs checkout -n shop --env prod --since 2h --until 2026-12-03T09:00:00Z
  $ slipway logs checkout -n shop --previous --tail 50 --no-aws`;

interface LogsFlags extends OpsLiveFlags {
  since: string;
  tail?: string;
  previous?: boolean;
  filterPattern?: string;
  logGroup?: string;
  until?: string;
  errors?: boolean;
}

/** Kinds `logs KIND/NAME` accepts, with kubectl's short names. */
const KIND_PREFIXES = new Set([
  'deployment',
  'deployments',
  'deploy',
  'statefulset',
  'statefulsets',
  'sts',
  'daemonset',
  'daemonsets',
  'ds',
  'cronjob',
  'cronjobs',
  'cj',
  'job',
  'jobs',
  'pod',
  'pods',
  'po',
  'replicaset',
  'replicasets',
  'rs',
]);

/** `deployment/checkout` → `checkout` (as kubectl logs names a workload); a bare name is kept. */
function workloadName(arg: string): string {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const kind = arg
    .slice(0, slash)
    .toLowerCase()
    .replace(/\.apps$/, '');
  if (!KIND_PREFIXES.has(kind))
    throw new UsageError(
      `logs: "${arg}" names kind "${arg.slice(0, slash)}"; allowed: deployment, statefulset, daemonset, cronjob, job, replicaset, pod (or a bare name)`,
    );
  return arg.slice(slash + 1);
}

export function registerLogs(app: CliApp, program: Command): void {
  addOpsLiveOptions(
    program
      .command('logs')
      .description("an app's crashes and its errors in CloudWatch")
      .argument(
        '[app]',
        'workload name, app.kubernetes.io/name, or KIND/NAME (deployment/checkout, sts/db, pod/x), in -n (default namespace: default)',
      ),
  )
    .option('--since <duration>', 'the window: errors of the last 30m, 1h, 6h, …', '1h')
    .option('--until <time>', 'end of the window, an ISO time such as 2026-12-03T09:00:00Z (default: now)')
    .option('--tail <lines>', "lines of each previous container's log (default 20)")
    .option('--errors', 'only the error lines of the window in CloudWatch (no pods, no previous logs)')
    .option('--previous', "read the previous container's log of every container that restarted, not only crashed ones")
    .option('--filter-pattern <pattern>', 'CloudWatch Logs filter pattern for error lines')
    .option('--log-group <name>', "log group searched (default: the cluster's Container Insights application group)")
    .addHelpText('after', HELP)
    .action(
      app.action(async (appName: string | undefined, opts: LogsFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const { parseDuration } = await import('../../ops/common/duration.js');
        const sinceSeconds = parseDuration(opts.since);
        if (!sinceSeconds)
          throw new UsageError(
            `--since "${opts.since}" is not a duration; use a number with s, m or h (30m, 1h, 1h30m)`,
          );
        const tail = positiveFlag('--tail', opts.tail);
        if (tail !== undefined && !Number.isInteger(tail))
          throw new UsageError(`--tail must be a whole number of lines; got "${opts.tail}"`);
        appName = appName === undefined ? undefined : workloadName(appName);
        if (appName !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(appName))
          throw new UsageError(`logs: "${appName}" is not a Kubernetes name (lowercase letters, digits, '-' and '.')`);
        const until = opts.until === undefined ? undefined : Date.parse(opts.until);
        if (until !== undefined && Number.isNaN(until))
          throw new UsageError(`--until "${opts.until}" is not a time; use an ISO time such as 2026-12-03T09:00:00Z`);
        const run = await openOpsLive(app, g, opts);
        const [{ gatherLogs }, { logsReport }, { renderLogsTable }] = await Promise.all([
          import('../../ops/logs/gather.js'),
          import('../../ops/logs/logs.js'),
          import('../../report/ops/logs.js'),
        ]);
        const input = await gatherLogs(run.conn, {
          ...run.limits,
          cluster: run.env?.clusterName,
          ...(appName ? { app: { namespace: opts.namespace ?? 'default', name: appName } } : {}),
          sinceSeconds: Math.round(sinceSeconds),
          ...(until !== undefined ? { now: new Date(until).toISOString().replace('.000Z', 'Z') } : {}),
          ...(tail ? { tailLines: tail } : {}),
          previous: opts.previous === true,
          ...(opts.filterPattern ? { filterPattern: opts.filterPattern } : {}),
          ...(opts.logGroup ? { logGroup: opts.logGroup } : {}),
          errorsOnly: opts.errors === true,
        });
        const report = logsReport(input, tail ? { tailLines: tail } : {});
        emitReport(app, run, report, () => renderLogsTable(report, { color: useColor(g, app.io) }));
        return opsLiveExitCode(app, run, report, opts.errors ? ['pods'] : [], ['logGroups', 'errorEvents']);
      }),
    );
}

import type { Command } from 'commander';
import {
  ANALYSIS_LIVE_HELP,
  type AnalysisLiveFlags,
  addAnalysisLiveOptions,
  analysisConnection,
  analysisPageSize,
  checkAnalysisLiveFlags,
  liveExitCode,
} from '../analysis-live.js';
import type { CliApp } from '../app.js';
import { globalOptions } from '../context.js';
import {
  addOpsInputOptions,
  emit,
  OPS_INPUT_HELP,
  type OpsInputOptions,
  opsEnvironment,
  opsFormat,
  opsInventory,
} from '../ops-inputs.js';
import { renderJson } from '../render.js';

type DrOptions = OpsInputOptions & AnalysisLiveFlags;

const HELP = `
Maps every persistent volume (claims and StatefulSet claim templates, with their StorageClass
tags) to the AWS Backup selections and DLM policies that cover it, and writes the restore
scenarios (volume, zone, node group, cluster, secret, region) with the environment's names.
${OPS_INPUT_HELP}
${ANALYSIS_LIVE_HELP}
With --live each claim's PersistentVolume gives its EBS volume; the volume's tags and id are matched
against the account's AWS Backup selections (tags and resource ARNs) and DLM policies, with the age of
its latest recovery point against the schedule and its last restore job.

Examples:
  $ slipway dr --env prod
  $ slipway dr --env prod -o md > DR.md
  $ slipway dr --env prod --live

Exit codes: 0 every volume covered, 1 usage error (an environment without scheduled backups) or with
--live a kind the cluster refused, 2 problems found.`;

export function registerDr(app: CliApp, program: Command): void {
  addAnalysisLiveOptions(
    addOpsInputOptions(
      program.command('dr').description('backup coverage of every persistent volume and the restore runbooks'),
    ),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: DrOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'dr');
        checkAnalysisLiveFlags(opts);
        const say = (l: string) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        };
        const env = await opsEnvironment(g, app.io, opts);
        const [{ staticDrFacts }, { assertScheduledBackups, drReport }, { problemsExitCode }] = await Promise.all([
          import('../../ops/dr/static-facts.js'),
          import('../../ops/dr/report.js'),
          import('../../ops/problems.js'),
        ]);
        assertScheduledBackups(env.name, {
          enabled: env.components.backup,
          schedule: env.backup.schedule,
          retentionDays: env.backup.retentionDays,
        });
        let facts: import('../../ops/dr/facts.js').DrFacts;
        if (opts.live) {
          const pageSize = analysisPageSize(opts);
          const conn = await analysisConnection(opts, app.io, env);
          say(`reading ${conn.source}…`);
          const { liveDrFacts } = await import('../../ops/dr/live-facts.js');
          facts = await liveDrFacts(conn, env, { pageSize });
        } else {
          facts = staticDrFacts(env, await opsInventory(env, opts, app.io, say));
        }
        const report = drReport(facts);
        if (format === 'json') emit(app.io, renderJson(report));
        else {
          const r = await import('../../report/ops/dr.js');
          emit(app.io, format === 'md' ? r.drMarkdown(report) : r.drText(report));
        }
        return opts.live
          ? liveExitCode(facts.unread, problemsExitCode(report.problems))
          : problemsExitCode(report.problems);
      }),
    );
}

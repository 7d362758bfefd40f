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
import { globalOptions, UsageError } from '../context.js';
import {
  addOpsInputOptions,
  emit,
  OPS_INPUT_HELP,
  type OpsInputOptions,
  opsEnvironment,
  opsInventory,
} from '../ops-inputs.js';
import { renderJson } from '../render.js';

const HELP = `
Writes the environment's runbooks as markdown, the same bytes for the same config: cluster
health, deploy/rollback/scale/restart and logs per app, secret refresh and rotation per
ExternalSecret, logs, node drain and scaling, each alarm, restore (from dr) and upgrade (from
upgrade plan). Only files it wrote before are replaced or removed (listed in DIR/.slipway-files).
Point a workload's slipway.io/runbook annotation at its page (apps/<namespace>-<name>.md).
${OPS_INPUT_HELP.replace('Output: -o table (default), json (data only) or md.', 'Output: -o table (the paths written, default) or json.')}
${ANALYSIS_LIVE_HELP}
With --live the pages name what runs: the cluster's Deployments, StatefulSets, DaemonSets and
CronJobs, its ExternalSecrets, claims with their EBS volumes and the node groups its nodes carry,
and from the account the log groups under the cluster's prefixes and its CloudWatch alarms with
what they notify. A part that was not read says so; what the config names but the cluster or
account lacks is listed. Restore and upgrade pages come from the config.

Examples:
  $ slipway runbook --env prod --out runbooks/prod
  $ slipway runbook --env prod --live --out runbooks/prod

Exit codes: 0 written, 1 usage error or with --live a kind the cluster refused (the pages are
still written, with that part marked not read).`;

interface RunbookOptions extends OpsInputOptions, AnalysisLiveFlags {
  out?: string;
}

export function registerRunbook(app: CliApp, program: Command): void {
  addAnalysisLiveOptions(
    addOpsInputOptions(
      program
        .command('runbook')
        .description("write the environment's runbooks as markdown")
        .option('--out <dir>', 'folder to write into (default: runbooks/<environment>)'),
    ),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: RunbookOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        if (g.output !== 'table' && g.output !== 'json') {
          throw new UsageError(`--output "${g.output}" is not supported by runbook; use one of: table, json`);
        }
        checkAnalysisLiveFlags(opts);
        const pageSize = opts.live ? analysisPageSize(opts) : undefined;
        const env = await opsEnvironment(g, app.io, opts);
        const { checkOutputDir, writeOwnedFiles } = await import('../../util/owned-output.js');
        const dir = checkOutputDir(opts.out ?? `runbooks/${env.name}`, app.io.cwd);
        const say = (l: string) => {
          if (!g.quiet && g.output === 'table') app.io.stderr(`${l}\n`);
        };
        const conn = opts.live ? await analysisConnection(opts, app.io, env) : undefined;
        const inv = await opsInventory(env, opts, app.io, say);
        const [{ staticRunbookFacts }, { generateRunbooks }] = await Promise.all([
          import('../../ops/runbook/static-facts.js'),
          import('../../ops/runbook/generate.js'),
        ]);
        let facts = staticRunbookFacts(env, inv);
        if (conn) {
          say(`reading ${conn.source}…`);
          const { liveRunbookFacts } = await import('../../ops/runbook/live-facts.js');
          facts = await liveRunbookFacts(conn, env, facts, { pageSize });
        }
        const files = generateRunbooks(facts);
        await writeOwnedFiles(dir, new Map(files.map((f) => [f.path, f.content])));
        if (g.output === 'json') emit(app.io, renderJson({ dir, files: files.map((f) => f.path) }));
        else if (!g.quiet)
          emit(
            app.io,
            [`wrote ${files.length} runbook pages to ${dir}:`, ...files.map((f) => `  ${f.path}`)].join('\n'),
          );
        return opts.live ? liveExitCode(facts.unread, 0) : 0;
      }),
    );
}

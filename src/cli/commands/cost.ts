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

interface CostOptions extends OpsInputOptions, AnalysisLiveFlags {
  window?: string;
}

const HELP = `
Right-sizing (requests against usage), capacity (requested against allocatable per node group,
the on-demand/spot split), storage (gp2, unmounted, Pending and oversized claims) and logs
(retention), each item with an estimated monthly saving from the bundled price table.
${OPS_INPUT_HELP}
${ANALYSIS_LIVE_HELP}
With --live, usage is p95 CPU and maximum memory from Container Insights over --window (default
7d, at most 455d, the CloudWatch metrics retention), else one metrics.k8s.io sample.

Examples:
  $ slipway cost --env prod
  $ slipway cost --env prod -f k8s/ -o json
  $ slipway cost --env prod --live --window 14d
  $ slipway cost --env prod --live --no-aws --context prod-admin

Exit codes: 0 no problem (items are savings, not failures), 1 usage or input error, or with --live a
kind the cluster refused, 2 problems found.`;

export function registerCost(app: CliApp, program: Command): void {
  addAnalysisLiveOptions(
    addOpsInputOptions(
      program.command('cost').description('estimate what right-sizing, capacity, storage and log retention would save'),
    ).option('--window <duration>', 'with --live: the Container Insights window, <n>h, <n>d or <n>w (default 7d)'),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: CostOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'cost');
        checkAnalysisLiveFlags(opts, { '--window': opts.window });
        const say = (l: string) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        };
        const env = await opsEnvironment(g, app.io, opts);
        const [{ analyzeCost }, { costDefaults }, { problemsExitCode }] = await Promise.all([
          import('../../ops/cost/analyze.js'),
          import('../../ops/cost/params.js'),
          import('../../ops/problems.js'),
        ]);
        let facts: import('../../ops/cost/facts.js').CostFacts;
        if (opts.live) {
          const [{ parseUsageWindow }, { liveCostFacts }] = await Promise.all([
            import('../../ops/cost/window.js'),
            import('../../ops/cost/live-facts.js'),
          ]);
          // A bad window is refused before anything is read.
          const window = parseUsageWindow(opts.window ?? '7d');
          const pageSize = analysisPageSize(opts);
          const conn = await analysisConnection(opts, app.io, env);
          say(`reading ${conn.source}…`);
          facts = await liveCostFacts(conn, env, { window: window.text, pageSize });
        } else {
          const { staticCostFacts } = await import('../../ops/cost/static-facts.js');
          facts = staticCostFacts(env, await opsInventory(env, opts, app.io, say));
        }
        const report = analyzeCost(facts, costDefaults(env));
        if (format === 'json') emit(app.io, renderJson(report));
        else {
          const r = await import('../../report/ops/cost.js');
          emit(app.io, format === 'md' ? r.costMarkdown(report) : r.costText(report));
        }
        return opts.live
          ? liveExitCode(facts.unread, problemsExitCode(report.problems))
          : problemsExitCode(report.problems);
      }),
    );
}

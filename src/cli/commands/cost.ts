import type { Command } from 'commander';
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

const HELP = `
Right-sizing (requests against usage), capacity (requested against allocatable per node group,
the on-demand/spot split), storage (gp2, unmounted, Pending and oversized claims) and logs
(retention), each item with an estimated monthly saving from the bundled price table.
${OPS_INPUT_HELP}

Examples:
  $ slipway cost --env prod
  $ slipway cost --env prod -f k8s/ -o json

Exit codes: 0 no problem (items are savings, not failures), 1 usage or input error, 2 problems found.`;

export function registerCost(app: CliApp, program: Command): void {
  addOpsInputOptions(
    program.command('cost').description('estimate what right-sizing, capacity, storage and log retention would save'),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: OpsInputOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'cost');
        const env = await opsEnvironment(g, app.io, opts);
        const inv = await opsInventory(env, opts, app.io, (l) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        });
        const [{ staticCostFacts }, { analyzeCost }, { costDefaults }, { problemsExitCode }] = await Promise.all([
          import('../../ops/cost/static-facts.js'),
          import('../../ops/cost/analyze.js'),
          import('../../ops/cost/params.js'),
          import('../../ops/problems.js'),
        ]);
        const report = analyzeCost(staticCostFacts(env, inv), costDefaults(env));
        if (format === 'json') emit(app.io, renderJson(report));
        else {
          const r = await import('../../report/ops/cost.js');
          emit(app.io, format === 'md' ? r.costMarkdown(report) : r.costText(report));
        }
        return problemsExitCode(report.problems);
      }),
    );
}

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
Maps every persistent volume (claims and StatefulSet claim templates, with their StorageClass
tags) to the AWS Backup selections and DLM policies that cover it, and writes the restore
scenarios (volume, zone, node group, cluster, secret, region) with the environment's names.
${OPS_INPUT_HELP}

Examples:
  $ slipway dr --env prod
  $ slipway dr --env prod -o md > DR.md

Exit codes: 0 every volume covered, 1 usage error (an environment without scheduled backups), 2 problems found.`;

export function registerDr(app: CliApp, program: Command): void {
  addOpsInputOptions(
    program.command('dr').description('backup coverage of every persistent volume and the restore runbooks'),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: OpsInputOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'dr');
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
        const inv = await opsInventory(env, opts, app.io, (l) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        });
        const report = drReport(staticDrFacts(env, inv));
        if (format === 'json') emit(app.io, renderJson(report));
        else {
          const r = await import('../../report/ops/dr.js');
          emit(app.io, format === 'md' ? r.drMarkdown(report) : r.drText(report));
        }
        return problemsExitCode(report.problems);
      }),
    );
}

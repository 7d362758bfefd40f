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
Plans one minor: objects in API versions the target no longer serves (from the Kubernetes
deprecation guide), the version lock's add-on and chart versions for the target and what is
missing, PDBs that would stop node drains, single-replica workloads, and an ordered playbook
(control plane, add-ons, node groups, verify) with the environment's names and commands.
${OPS_INPUT_HELP}

Examples:
  $ slipway upgrade plan --env prod
  $ slipway upgrade plan --env prod --to 1.35 -o md > UPGRADE.md

Exit codes: 0 no blocker, 1 usage error (a --to that is not the next minor of the lock), 2 blockers found.`;

interface UpgradeOptions extends OpsInputOptions {
  to?: string;
}

export function registerUpgrade(app: CliApp, program: Command): void {
  const upgrade = program.command('upgrade').description('plan a Kubernetes minor upgrade');
  addOpsInputOptions(
    upgrade
      .command('plan')
      .description('what blocks the next minor, the lock versions and an ordered playbook')
      .option('--to <minor>', 'target Kubernetes minor (default: the next one)'),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: UpgradeOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'upgrade plan');
        const env = await opsEnvironment(g, app.io, opts);
        const { upgradeTarget } = await import('../../ops/upgrade/target.js');
        // A bad --to is refused before anything is synthesized.
        const to = upgradeTarget(env.kubernetesVersion, opts.to);
        const inv = await opsInventory(env, opts, app.io, (l) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        });
        const [{ staticUpgradeFacts }, { planUpgrade }, { createRequire }] = await Promise.all([
          import('../../ops/upgrade/static-facts.js'),
          import('../../ops/upgrade/plan.js'),
          import('node:module'),
        ]);
        const require = createRequire(import.meta.url);
        const plan = planUpgrade(staticUpgradeFacts(env, inv), {
          to,
          isInstalled: (pkg) => {
            try {
              require.resolve(pkg);
              return true;
            } catch {
              return false;
            }
          },
        });
        if (format === 'json') emit(app.io, renderJson(plan));
        else {
          const r = await import('../../report/ops/upgrade.js');
          emit(app.io, format === 'md' ? r.upgradeMarkdown(plan) : r.upgradeText(plan));
        }
        return plan.blockers > 0 ? 2 : 0;
      }),
    );
}

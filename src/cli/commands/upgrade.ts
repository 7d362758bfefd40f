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

const HELP = `
Plans one minor: objects in API versions the target no longer serves (from the Kubernetes
deprecation guide), the version lock's add-on and chart versions for the target and what is
missing, PDBs that would stop node drains, single-replica workloads, and an ordered playbook
(control plane, add-ons, node groups, verify) with the environment's names and commands.
${OPS_INPUT_HELP}
${ANALYSIS_LIVE_HELP}
With --live the cluster's minor comes from EKS (else the config's), the objects' API versions from
what kubectl applied, plus kubelet skew, PDBs' disruptionsAllowed, the add-on versions EKS offers for
the target, EKS upgrade insights and the free IPs of the control-plane subnets.

Examples:
  $ slipway upgrade plan --env prod
  $ slipway upgrade plan --env prod --to 1.35 -o md > UPGRADE.md
  $ slipway upgrade plan --env prod --live

Exit codes: 0 no blocker, 1 usage error (a --to that is not the next minor of the lock) or with --live
a kind the cluster refused, 2 blockers found.`;

interface UpgradeOptions extends OpsInputOptions, AnalysisLiveFlags {
  to?: string;
}

export function registerUpgrade(app: CliApp, program: Command): void {
  const upgrade = program.command('upgrade').description('plan a Kubernetes minor upgrade');
  addAnalysisLiveOptions(
    addOpsInputOptions(
      upgrade
        .command('plan')
        .description('what blocks the next minor, the lock versions and an ordered playbook')
        .option('--to <minor>', 'target Kubernetes minor (default: the next one)'),
    ),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: UpgradeOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = opsFormat(g, 'upgrade plan');
        checkAnalysisLiveFlags(opts);
        const say = (l: string) => {
          if (!g.quiet && format === 'table') app.io.stderr(`${l}\n`);
        };
        const env = await opsEnvironment(g, app.io, opts);
        const [{ upgradeTarget }, { planUpgrade }, { createRequire }] = await Promise.all([
          import('../../ops/upgrade/target.js'),
          import('../../ops/upgrade/plan.js'),
          import('node:module'),
        ]);
        const require = createRequire(import.meta.url);
        const isInstalled = (pkg: string) => {
          try {
            require.resolve(pkg);
            return true;
          } catch {
            return false;
          }
        };
        let facts: import('../../ops/upgrade/facts.js').UpgradeFacts;
        let to: string;
        let synthChanges: import('../../ops/upgrade/synth-changes.js').SynthChangesFact | undefined;
        if (opts.live) {
          const pageSize = analysisPageSize(opts);
          const conn = await analysisConnection(opts, app.io, env);
          say(`reading ${conn.source}…`);
          const { liveUpgradeFacts } = await import('../../ops/upgrade/live-facts.js');
          ({ facts, to } = await liveUpgradeFacts(conn, env, { to: opts.to, pageSize }));
        } else {
          // A bad --to is refused before anything is synthesized.
          to = upgradeTarget(env.kubernetesVersion, opts.to);
          const inv = await opsInventory(env, opts, app.io, say);
          const { staticUpgradeFacts } = await import('../../ops/upgrade/static-facts.js');
          facts = staticUpgradeFacts(env, inv);
          if (!opts.file?.length) {
            const { synthesizedChanges } = await import('../../ops/upgrade/synth-changes.js');
            say(`synthesizing ${env.name} at ${to} in memory…`);
            synthChanges = await synthesizedChanges(env, inv, to, app.io.cwd);
          }
        }
        const plan = planUpgrade(facts, { to, isInstalled, ...(synthChanges ? { synthChanges } : {}) });
        if (format === 'json') emit(app.io, renderJson(plan));
        else {
          const r = await import('../../report/ops/upgrade.js');
          emit(app.io, format === 'md' ? r.upgradeMarkdown(plan) : r.upgradeText(plan));
        }
        const code = plan.blockers > 0 ? 2 : 0;
        return opts.live ? liveExitCode(facts.unread, code) : code;
      }),
    );
}

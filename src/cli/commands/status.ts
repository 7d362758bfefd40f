import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions, useColor } from '../context.js';
import {
  addOpsLiveOptions,
  emitReport,
  OPS_LIVE_HELP,
  type OpsLiveFlags,
  openOpsLive,
  opsLiveExitCode,
} from '../ops-live.js';

const HELP = `
The cluster on one screen: control-plane and kubelet versions (skew flagged), nodes by zone and
capacity type with requests (and usage from metrics.k8s.io) against allocatable, stuck rollouts,
crash-looping, OOM-killed, image-pull and Pending pods with their latest Warning event,
ExternalSecrets not Ready, claims not Bound, the EBS CSI driver and the EKS add-ons, and recent
Warning events grouped by object.
${OPS_LIVE_HELP}

Examples:
  $ slipway status --env prod
  $ slipway status --env prod -n shop -o json
  $ slipway status --context prod-admin --no-aws`;

export function registerStatus(app: CliApp, program: Command): void {
  addOpsLiveOptions(program.command('status').description('what needs attention in the cluster and its add-ons'))
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: OpsLiveFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const run = await openOpsLive(app, g, opts);
        const [{ gatherStatus, STATUS_AWS_PARTS }, { clusterStatus, STATUS_OPTIONAL_PARTS }, { renderStatusTable }] =
          await Promise.all([
            import('../../ops/status/gather.js'),
            import('../../ops/status/status.js'),
            import('../../report/ops/status.js'),
          ]);
        const report = clusterStatus(await gatherStatus(run.conn, { ...run.limits, cluster: run.env?.clusterName }));
        emitReport(app, run, report, () => renderStatusTable(report, { color: useColor(g, app.io) }));
        return opsLiveExitCode(app, run, report, STATUS_OPTIONAL_PARTS, STATUS_AWS_PARTS);
      }),
    );
}

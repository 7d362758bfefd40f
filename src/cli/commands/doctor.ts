import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions, UsageError, useColor } from '../context.js';
import {
  addOpsLiveOptions,
  emitReport,
  OPS_LIVE_HELP,
  type OpsLiveFlags,
  openOpsLive,
  opsLiveExitCode,
} from '../ops-live.js';

const HELP = `
Why one workload is unhealthy, link by link: rollout and conditions, each pod's containers and
last termination, the previous container's log when it crashed, events, Services and endpoints,
the ServiceAccount's Pod Identity association and role, ExternalSecrets and Secrets Manager,
claims and EBS volumes, and the running images' ECR findings. Ends with the next step.
TARGET is kind/name (deployment, statefulset, daemonset, cronjob, job, pod, app) or a bare app name.
${OPS_LIVE_HELP}

Examples:
  $ slipway doctor deployment/checkout -n shop --env prod
  $ slipway doctor pod/checkout-7d9f8b6c5d-x2k4p -n shop -o json
  $ slipway doctor checkout -n shop --no-aws`;

/** Parts of the doctor's input read from AWS. */
const DOCTOR_AWS_PARTS = ['ecr', 'secretsManager', 'podIdentityAssociations', 'iamRoles', 'ebsVolumes', 'nodeGroups'];
/** No reader describes load balancers yet: their link is unknown, and says so, without failing the run. */
const DOCTOR_OPTIONAL_PARTS = ['loadBalancers'];

export function registerDoctor(app: CliApp, program: Command): void {
  addOpsLiveOptions(
    program.command('doctor').description('why one workload is unhealthy, and the next step').argument('<target>'),
  )
    .addHelpText('after', HELP)
    .action(
      app.action(async (text: string, opts: OpsLiveFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const { parseDoctorTarget } = await import('../../ops/doctor/target.js');
        const parsed = parseDoctorTarget(text, opts.namespace ?? 'default');
        if ('error' in parsed) throw new UsageError(parsed.error);
        const run = await openOpsLive(app, g, opts);
        const [{ gatherDoctor }, { doctor }, { renderDoctorTable }] = await Promise.all([
          import('../../ops/doctor/gather.js'),
          import('../../ops/doctor/doctor.js'),
          import('../../report/ops/doctor.js'),
        ]);
        const input = await gatherDoctor(run.conn, {
          ...run.limits,
          target: parsed.target,
          cluster: run.env?.clusterName,
        });
        const report = doctor(input);
        emitReport(app, run, report, () => renderDoctorTable(report, { color: useColor(g, app.io) }));
        if (!report.found) {
          app.io.stderr(`error: ${report.unknown.target}\n`);
          return 1;
        }
        return opsLiveExitCode(app, run, report, DOCTOR_OPTIONAL_PARTS, DOCTOR_AWS_PARTS);
      }),
    );
}

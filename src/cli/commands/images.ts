import type { Command } from 'commander';
import type { EnvironmentConfig } from '../../config/types.js';
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
Every image running in the cluster (from pod status: the digest actually running), which
workloads run it, its ECR repository's scan on push and tag mutability, and its scan findings by
severity with the critical CVE ids; images never scanned and images from other registries named.
The environment's registry is <account>.dkr.ecr.<region>.amazonaws.com of its config.
${OPS_LIVE_HELP}

Exit 2 when a running image has a critical problem (critical findings, a missing repository or tag), or
with --fail-on high any high finding; warnings (never scanned, mutable tags, other registries) are shown.

Examples:
  $ slipway images --env prod
  $ slipway images --env prod --fail-on high -o json`;

const FAIL_ON = ['critical', 'high'] as const;

interface ImagesFlags extends OpsLiveFlags {
  failOn: string;
}

/** The registry hosts an environment's images come from: its registry home's account and region. */
export function registriesOf(env: EnvironmentConfig): string[] {
  const home = env.registryHome;
  return home?.account ? [`${home.account}.dkr.ecr.${home.region}.amazonaws.com`] : [];
}

export function registerImages(app: CliApp, program: Command): void {
  addOpsLiveOptions(
    program.command('images').description('running images, their ECR repositories and scan findings'),
    'required',
  )
    .option('--fail-on <severity>', `exit 2 from this finding severity up: ${FAIL_ON.join(', ')}`, 'critical')
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: ImagesFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        if (!(FAIL_ON as readonly string[]).includes(opts.failOn))
          throw new UsageError(`--fail-on "${opts.failOn}" is not supported; use one of: ${FAIL_ON.join(', ')}`);
        const run = await openOpsLive(app, g, opts, 'required');
        const env = run.env as EnvironmentConfig;
        const [{ gatherImages }, { imagesReport }, { renderImagesTable }] = await Promise.all([
          import('../../ops/images/gather.js'),
          import('../../ops/images/images.js'),
          import('../../report/ops/images.js'),
        ]);
        const environment = { name: env.name, production: env.preset === 'prod', registries: registriesOf(env) };
        const input = await gatherImages(run.conn, { ...run.limits, environment });
        // --fail-on high: any high finding counts, as critical ones always do.
        const report = imagesReport(input, opts.failOn === 'high' ? { maxHigh: 0 } : {});
        emitReport(app, run, report, () => renderImagesTable(report, { color: useColor(g, app.io) }));
        // Exit 2 for what is at or above --fail-on: critical problems, and with `high` the high findings too.
        const failing = report.problems.filter(
          (p) => p.severity === 'critical' || (opts.failOn === 'high' && p.code === 'image.high-findings'),
        );
        return opsLiveExitCode(app, run, { problems: failing, unknown: report.unknown }, [], ['ecr']);
      }),
    );
}

import type { Command } from 'commander';
import type { EnvironmentConfig } from '../../config/types.js';
import type { CliApp } from '../app.js';
import { addYesOption, confirmChange } from '../confirm.js';
import { globalOptions, UsageError, useColor } from '../context.js';
import { liveConnectOptions } from '../live-options.js';
import {
  addOpsLiveOptions,
  emitReport,
  OPS_LIVE_HELP,
  type OpsLiveFlags,
  openOpsLive,
  opsLiveExitCode,
} from '../ops-live.js';

const STATUS_HELP = `
Every ExternalSecret with its store, Secrets Manager key (DescribeSecret: metadata only), refresh
interval, last sync and Ready condition, joined with the Pod Identity associations to explain an
access denial. Secret values are never read or printed.
${OPS_LIVE_HELP}

Examples:
  $ slipway secrets status --env prod
  $ slipway secrets status --env prod -n payments -o json`;

const REFRESH_HELP = `
Sets the force-sync annotation on each named ExternalSecret (NAME or NAMESPACE/NAME), so External
Secrets Operator syncs it now: one PATCH each, after a confirmation (--yes without a terminal).

Examples:
  $ slipway secrets refresh ledger-db -n payments
  $ slipway secrets refresh payments/ledger-db shop/checkout-config --yes`;

interface RefreshFlags extends OpsLiveFlags {
  yes?: boolean;
}

export function registerSecrets(app: CliApp, program: Command): void {
  const secrets = program.command('secrets').description('ExternalSecrets and their Secrets Manager side');
  addOpsLiveOptions(
    secrets.command('status').description('every ExternalSecret, its key and its sync state'),
    'required',
  )
    .addHelpText('after', STATUS_HELP)
    .action(
      app.action(async (opts: OpsLiveFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const run = await openOpsLive(app, g, opts, 'required');
        const env = run.env as EnvironmentConfig;
        const [{ gatherSecrets }, { secretsStatus }, { renderSecretsTable }] = await Promise.all([
          import('../../ops/secrets/gather.js'),
          import('../../ops/secrets/status.js'),
          import('../../report/ops/secrets.js'),
        ]);
        const input = await gatherSecrets(run.conn, { ...run.limits, environment: env.name, cluster: env.clusterName });
        const report = secretsStatus(input, { pathTemplate: `${env.secretsPath.replace(/\/+$/, '')}/` });
        emitReport(app, run, report, () => renderSecretsTable(report, { color: useColor(g, app.io) }));
        return opsLiveExitCode(app, run, report, [], ['secretsManager', 'podIdentityAssociations']);
      }),
    );

  addYesOption(
    addOpsLiveOptions(
      secrets
        .command('refresh')
        .description('make External Secrets sync the named ExternalSecrets now')
        .argument('<names...>'),
    ),
  )
    .addHelpText('after', REFRESH_HELP)
    .action(
      app.action(async (names: string[], opts: RefreshFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const run = await openOpsLive(app, g, { ...opts, aws: false });
        const [{ listFact }, { refreshPlan }, { renderRefreshPlan }] = await Promise.all([
          import('../../ops/gather/kube-lists.js'),
          import('../../ops/secrets/refresh-plan.js'),
          import('../../report/ops/secrets.js'),
        ]);
        // Bare names are looked up in -n, else everywhere (a name in several namespaces is refused).
        const listed = await listFact(run.conn.kube, 'ExternalSecret', run.conn.namespace, run.limits);
        if (listed.state === 'unknown') throw new UsageError(`cannot list ExternalSecrets: ${listed.reason}`);
        const plan = refreshPlan(listed.value, names, {
          now: new Date().toISOString(),
          ...(run.conn.namespace ? { namespace: run.conn.namespace } : {}),
        });
        const problems = [
          ...plan.notFound.map((n) => `ExternalSecret ${n} not found (context ${run.conn.kube.context})`),
          ...plan.ambiguous.map((n) => `ExternalSecret ${n} is ambiguous`),
        ];
        if (problems.length) throw new UsageError(`${problems.join('; ')}: nothing was changed`);
        const targets = plan.patches.map((p) => `${p.object.namespace}/${p.object.name}`);
        await confirmChange(app.io, {
          change: `annotate ExternalSecret ${targets.join(', ')} with force-sync in context ${run.conn.kube.context} (External Secrets syncs ${targets.length === 1 ? 'it' : 'them'} now)`,
          yes: opts.yes,
          rerun: `slipway secrets refresh ${names.join(' ')}${opts.namespace ? ` -n ${opts.namespace}` : ''}`,
        });
        const { connectKubeWriter } = await import('../../kube/writer.js');
        const c = liveConnectOptions(opts, app.io);
        const writer = await connectKubeWriter({ kubeconfig: c.kubeconfig, context: c.context, limits: c.limits });
        for (const p of plan.patches)
          await writer.patch(
            { kind: p.object.kind, namespace: p.object.namespace, name: p.object.name },
            { ...p.body },
            'merge',
          );
        emitReport(app, run, plan, () => renderRefreshPlan(plan, { color: useColor(g, app.io) }));
        return 0;
      }),
    );
}

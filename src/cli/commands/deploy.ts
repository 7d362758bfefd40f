import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { EXIT, globalOptions, outputFormat, UsageError } from '../context.js';
import { loadCliConfig, selectEnvironments } from '../load-config.js';
import { renderData } from '../render.js';

interface ActionOptions {
  env?: string;
  profile?: string;
  region?: string;
  confirm?: string;
  yesITyped?: string;
  force?: boolean;
  yes?: boolean;
}

const DESCRIPTIONS = {
  deploy: 'Deploy the platform stack of one environment (AWS CDK toolkit; needs credentials).',
  diff: 'Show what deploying the platform stack would change (needs credentials, changes nothing).',
  destroy: 'Delete the platform stack of one environment; asks for the cluster name to be typed.',
} as const;

/** Registers `deploy`, `diff` and `destroy`; all three act on exactly one environment. */
export function registerDeploy(app: CliApp, program: Command): void {
  for (const action of ['deploy', 'diff', 'destroy'] as const) {
    const cmd = program
      .command(action)
      .description(DESCRIPTIONS[action])
      .requiredOption('-e, --env <name>', 'environment')
      .option('--profile <name>', 'AWS profile (default: AWS_PROFILE or the default chain)')
      .option('--region <region>', "AWS region (default: the environment's region)");
    if (action === 'deploy') {
      cmd.option('-y, --yes', 'approve security changes without asking (required when there is no terminal, as in CI)');
    }
    if (action === 'destroy') {
      cmd
        .option('--confirm <cluster-name>', 'the cluster name, typed, to destroy without a prompt')
        .option('--yes-i-typed <cluster-name>', 'same as --confirm')
        .option('--force', 'also required to destroy an environment using the prod preset');
    }
    cmd.action(
      app.action(async (opts: ActionOptions, c: Command) => {
        const g = globalOptions(c);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const config = await loadCliConfig(g, app.io, {
          example: action === 'diff' ? 'notice' : 'refuse',
          command: `slipway ${action}`,
        });
        const [name] = selectEnvironments(config, opts.env);
        if (opts.confirm && opts.yesITyped && opts.confirm !== opts.yesITyped) {
          throw new UsageError('--confirm and --yes-i-typed disagree; give the cluster name once');
        }
        if (action === 'deploy') {
          // A stack whose named resources another environment in the account and region already owns fails half-way.
          await (await import('../../platform/synth.js')).assertNoNameClashes(Object.values(config.environments));
        }
        const { runPlatformAction } = await import('../../platform/deploy.js');
        const result = await runPlatformAction(
          {
            env: config.environments[name],
            action,
            profile: opts.profile,
            region: opts.region,
            confirm: opts.confirm ?? opts.yesITyped,
            force: opts.force,
            yes: opts.yes,
          },
          { prompt: app.io.prompt, log: (line) => app.io.stderr(`${line}\n`) },
        );
        if (format !== 'table') app.io.stdout(renderData(format, result));
        else if (!g.quiet)
          app.io.stdout(`${action}: ${result.stackName} in ${result.region} done (${result.credentials})\n`);
        return EXIT.ok;
      }),
    );
  }
}

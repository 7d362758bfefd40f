import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { EXIT, globalOptions, outputFormat } from '../context.js';
import { loadCliConfig, selectEnvironments } from '../load-config.js';
import { renderData } from '../render.js';

interface BootstrapOptions {
  env?: string;
  profile?: string;
  region?: string;
  yes?: boolean;
}

/** Registers `bootstrap`: the CDK bootstrap stack in one environment's account and region. */
export function registerBootstrap(app: CliApp, program: Command): void {
  program
    .command('bootstrap')
    .description(
      "Create or update the CDK bootstrap stack (CDKToolkit) in one environment's account and region, which deploy needs (needs credentials).",
    )
    .requiredOption('-e, --env <name>', 'environment')
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE or the default chain)')
    .option('--region <region>', "AWS region (default: the environment's region)")
    .option('-y, --yes', 'bootstrap without asking (required when there is no terminal, as in CI)')
    .action(
      app.action(async (opts: BootstrapOptions, c: Command) => {
        const g = globalOptions(c);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const config = await loadCliConfig(g, app.io, { example: 'refuse', command: 'slipway bootstrap' });
        const [name] = selectEnvironments(config, opts.env);
        const { runBootstrap } = await import('../../platform/bootstrap.js');
        const result = await runBootstrap(
          { env: config.environments[name], profile: opts.profile, region: opts.region, yes: opts.yes },
          { prompt: app.io.prompt, log: (line) => app.io.stderr(`${line}\n`) },
        );
        if (format !== 'table') app.io.stdout(renderData(format, result));
        else if (!g.quiet) {
          const what = result.status === 'no-op' ? 'already bootstrapped' : 'bootstrapped';
          app.io.stdout(`bootstrap: ${result.target} ${what} (${result.credentials})\n`);
        }
        return EXIT.ok;
      }),
    );
}

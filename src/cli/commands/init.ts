import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions } from '../context.js';

export function registerInit(app: CliApp, program: Command): void {
  program
    .command('init [dir]')
    .description('write a starter slipway.config.yaml (test and prod environments)')
    .option('--project <name>', 'project name (default: the directory name)')
    .option('--region <region>', 'AWS region', 'us-east-1')
    .option('--domain <name>', 'domain for HTTPS ingress')
    .option('-f, --force', 'overwrite an existing config file', false)
    .addHelpText(
      'after',
      '\nExample:\n  $ slipway init demo && slipway config diff test prod --config demo/slipway.config.yaml',
    )
    .action(
      app.action(async (dir: string | undefined, opts: InitOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const { initProject } = await import('../../config/init.js');
        const result = await initProject({
          dir: dir ?? '.',
          cwd: app.io.cwd,
          project: opts.project,
          region: opts.region,
          domain: opts.domain,
          force: opts.force,
        });
        if (g.output === 'json') app.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else if (!g.quiet) {
          app.io.stdout(
            `Wrote ${result.file} (project "${result.project}", environments test and prod).\nNext: slipway config diff test prod --config ${result.file}\n`,
          );
        }
        return 0;
      }),
    );
}

interface InitOptions {
  project?: string;
  region: string;
  domain?: string;
  force: boolean;
}

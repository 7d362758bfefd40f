import { Command, CommanderError, Option } from 'commander';
import { CliApp } from './app.js';
import { registerApp } from './commands/app.js';
import { registerBootstrap } from './commands/bootstrap.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config.js';
import { registerCost } from './commands/cost.js';
import { registerDeploy } from './commands/deploy.js';
import { registerDoctor } from './commands/doctor.js';
import { registerDr } from './commands/dr.js';
import { registerImages } from './commands/images.js';
import { registerInit } from './commands/init.js';
import { registerLogs } from './commands/logs.js';
import { registerRules } from './commands/rules.js';
import { registerRunbook } from './commands/runbook.js';
import { registerSecrets } from './commands/secrets.js';
import { registerStatus } from './commands/status.js';
import { registerSynth } from './commands/synth.js';
import { registerUpgrade } from './commands/upgrade.js';
import { registerVerifierAccess } from './commands/verifier-access.js';
import { registerVerify } from './commands/verify.js';
import type { CliIO } from './context.js';
import { packageVersion } from './version.js';

const EXAMPLES = `
Examples:
  $ slipway init                       write a starter slipway.config.yaml
  $ slipway config diff test prod      what differs between test and production
  $ slipway config show --env prod     every resolved value and where it came from
  $ slipway config schema > schema.json

Config: --config PATH, else ./slipway.config.yaml, else the bundled example (examples/shop).
Exit codes: 0 clean, 1 usage or tool error, 2 findings at or above --fail-on.`;

/** Builds the program. Command modules only declare options; heavy libraries load inside actions. */
export function buildProgram(app: CliApp, name = 'slipway'): Command {
  const program = new Command(name)
    .description('Production Amazon EKS from one config file: platform, apps, verification and day-2 operations.')
    .version(packageVersion(), '-V, --version')
    .option('-c, --config <path>', 'config file (default: ./slipway.config.yaml, else the bundled example)')
    .addOption(new Option('-o, --output <format>', 'output format').default('table'))
    .option('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a terminal)')
    .option('-q, --quiet', 'print only results and errors', false)
    .option('--verbose', 'more detail, and stack traces on errors', false)
    .showHelpAfterError()
    .addHelpText('after', EXAMPLES)
    .configureOutput({
      writeOut: (s) => app.io.stdout(s),
      writeErr: (s) => app.io.stderr(s),
    })
    .exitOverride();

  registerInit(app, program);
  registerConfig(app, program);
  registerSynth(app, program);
  registerApp(app, program);
  registerVerify(app, program);
  registerRules(app, program);
  registerVerifierAccess(app, program);
  registerBootstrap(app, program);
  registerDeploy(app, program);
  registerStatus(app, program);
  registerDoctor(app, program);
  registerSecrets(app, program);
  registerImages(app, program);
  registerLogs(app, program);
  registerCost(app, program);
  registerUpgrade(app, program);
  registerDr(app, program);
  registerRunbook(app, program);
  registerCompletion(app, program);
  return program;
}

function defaultIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    stdoutStream: process.stdout,
    stderrStream: process.stderr,
    columns: process.stdout.columns,
    prompt: process.stdin.isTTY
      ? async (q) => {
          const { createInterface } = await import('node:readline/promises');
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return await rl.question(q);
          } finally {
            rl.close();
          }
        }
      : undefined,
  };
}

/** Runs the CLI and resolves to the exit code; `name` is how the user called it (`kubectl slipway` as a plugin). */
export async function main(argv: readonly string[], io: CliIO = defaultIO(), name = 'slipway'): Promise<number> {
  const app = new CliApp(io);
  const program = buildProgram(app, name);
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      return e.exitCode === 0 ? 0 : 1;
    }
    throw e;
  }
  return app.exitCode;
}

import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { completionScript, completionTree, SHELLS, type Shell } from '../completion-scripts.js';
import { EXIT, UsageError } from '../context.js';

const HELP = `
Load it in the current shell, or install it once:
  bash:  source <(slipway completion bash)      or  slipway completion bash > /etc/bash_completion.d/slipway
  zsh:   source <(slipway completion zsh)       or  slipway completion zsh > "\${fpath[1]}/_slipway"
  fish:  slipway completion fish | source       or  slipway completion fish > ~/.config/fish/completions/slipway.fish`;

/** `slipway completion bash|zsh|fish`: a shell completion script generated from the command tree. */
export function registerCompletion(app: CliApp, program: Command): void {
  program
    .command('completion <shell>')
    .description(`print the shell completion script (${SHELLS.join(', ')})`)
    .addHelpText('after', HELP)
    .action(
      app.action(async (shell: string) => {
        if (!(SHELLS as readonly string[]).includes(shell)) {
          throw new UsageError(`shell "${shell}" is not supported; use one of: ${SHELLS.join(', ')}`);
        }
        app.io.stdout(completionScript(shell as Shell, completionTree(program), 'slipway'));
        return EXIT.ok;
      }),
    );
}

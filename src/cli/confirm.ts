import type { Command } from 'commander';
import { type CliIO, UsageError } from './context.js';

/** One change a command is about to make, as the user is asked about it. */
export interface ChangeToConfirm {
  /** What will change, in a sentence: "annotate ExternalSecret shop/db with force-sync (External Secrets syncs it now)". */
  readonly change: string;
  /** --yes was given: go ahead without asking. */
  readonly yes?: boolean;
  /** The command line that does it without a prompt, for the refusal message. */
  readonly rerun: string;
}

/** Adds `-y, --yes` to a command that changes something, as `deploy` has it. */
export function addYesOption(cmd: Command): Command {
  return cmd.option('-y, --yes', 'make the change without asking (required when there is no terminal, as in CI)');
}

/** Whether a typed answer is a yes (`y`, `yes`, any case); anything else, an empty line included, is a no. */
export function isYes(answer: string | undefined): boolean {
  return answer !== undefined && /^y(es)?$/i.test(answer.trim());
}

/**
 * The confirmation every changing command goes through, the way `deploy`
 * asks: --yes goes ahead; on a terminal the user is asked (y/N); without a
 * terminal and without --yes the command refuses and says how to run it.
 * Throws a UsageError (exit 1) when the change was refused; nothing was changed then.
 */
export async function confirmChange(io: Pick<CliIO, 'prompt'>, request: ChangeToConfirm): Promise<void> {
  if (request.yes) return;
  if (!io.prompt) {
    throw new UsageError(
      `${request.change}: this needs confirmation and there is no terminal to ask; pass --yes to make the change (${request.rerun} --yes)`,
    );
  }
  const answer = await io.prompt(`${request.change}. Continue? (y/N) `);
  if (!isYes(answer)) {
    const seen = answer === undefined ? 'no answer' : `"${answer.trim()}"`;
    throw new UsageError(`not confirmed (${seen}; only y or yes goes ahead): nothing was changed`);
  }
}

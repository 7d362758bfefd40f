import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addYesOption, confirmChange, isYes } from '../../src/cli/confirm.js';

const change = { change: 'annotate ExternalSecret shop/db with force-sync', rerun: 'slipway secrets refresh shop/db' };

function asking(...answers: (string | undefined)[]) {
  const questions: string[] = [];
  return {
    questions,
    io: {
      prompt: async (q: string) => {
        questions.push(q);
        return answers.shift();
      },
    },
  };
}

describe('confirming a change', () => {
  it('goes ahead with --yes without asking, even without a terminal', async () => {
    await expect(confirmChange({}, { ...change, yes: true })).resolves.toBeUndefined();
  });

  it('refuses without a terminal and without --yes, naming the command with --yes', async () => {
    await expect(confirmChange({}, change)).rejects.toThrow(
      /no terminal to ask; pass --yes to make the change \(slipway secrets refresh shop\/db --yes\)/,
    );
  });

  it('asks on a terminal and goes ahead on y or yes', async () => {
    for (const answer of ['y', 'YES', ' yes ']) {
      const { io, questions } = asking(answer);
      await expect(confirmChange(io, change)).resolves.toBeUndefined();
      expect(questions).toEqual(['annotate ExternalSecret shop/db with force-sync. Continue? (y/N) ']);
    }
  });

  it('stops on anything but yes, saying nothing was changed', async () => {
    for (const answer of ['', 'n', 'sure', undefined]) {
      const { io } = asking(answer);
      await expect(confirmChange(io, change)).rejects.toThrow(/not confirmed .*nothing was changed/);
    }
  });

  it('reads yes answers the same everywhere', () => {
    expect([isYes('y'), isYes('Yes'), isYes('no'), isYes(''), isYes(undefined)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('adds -y/--yes to a command', () => {
    const cmd = addYesOption(new Command('x').exitOverride());
    cmd.parse(['-y'], { from: 'user' });
    expect(cmd.opts().yes).toBe(true);
  });
});

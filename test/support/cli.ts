import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output, as a user would call it. */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; answers?: string[]; columns?: number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const answers = [...(opts.answers ?? [])];
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
    ...(opts.columns ? { columns: opts.columns } : {}),
    prompt: opts.answers ? async () => answers.shift() : undefined,
  };
  const code = await main(['node', 'slipway', ...args], io);
  return { code, stdout, stderr };
}

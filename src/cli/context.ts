import type { Command } from 'commander';
import { UsageError } from '../util/errors.js';

export type OutputFormat = 'table' | 'json' | 'yaml';

/** Global options every command sees. */
export interface GlobalOptions {
  readonly config?: string;
  readonly output: string;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

/** What a command needs from the process, so commands stay testable and free of globals. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly isTTY: boolean;
  /**
   * Standard output as a stream, for output written in chunks (`verify -o json`): each chunk waits for 'drain'
   * when the reader is slow. Absent, each chunk goes to `stdout`.
   */
  readonly stdoutStream?: NodeJS.WritableStream;
  /** Standard error as a stream, for progress on a terminal; absent, no progress is shown. */
  readonly stderrStream?: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** Terminal width for tables; undefined when not a terminal. */
  readonly columns?: number;
  /** Reads a line from the user; undefined when there is no terminal to ask. */
  readonly prompt?: (question: string) => Promise<string | undefined>;
}

export { UsageError } from '../util/errors.js';

/** Exit codes: 0 clean, 1 usage or tool error, 2 findings at or above --fail-on. */
export const EXIT = { ok: 0, error: 1, findings: 2 } as const;

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/**
 * Colour: `--no-color` or a non-empty NO_COLOR turn it off; otherwise FORCE_COLOR
 * decides when set (`0` or `false` off, any other value on, even through a pipe);
 * otherwise colour follows whether stdout is a terminal.
 */
export function useColor(opts: GlobalOptions, io: CliIO): boolean {
  if (opts.color === false || (io.env.NO_COLOR ?? '') !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY;
}

/** Validates `-o` against the formats a command supports. */
export function outputFormat<T extends string>(opts: GlobalOptions, allowed: readonly T[]): T {
  const o = opts.output as T;
  if (!allowed.includes(o)) {
    throw new UsageError(
      `--output "${opts.output}" is not supported by this command; use one of: ${allowed.join(', ')}`,
    );
  }
  return o;
}

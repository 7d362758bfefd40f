import type { Command } from 'commander';
import { type CliIO, EXIT, type GlobalOptions } from './context.js';
import { loadYamlRenderer } from './render.js';

/** Shared state of one CLI run: its IO and the exit code the actions set. */
export class CliApp {
  exitCode: number = EXIT.ok;
  constructor(readonly io: CliIO) {}

  /**
   * Wraps a command action: its return value becomes the exit code (with `-o yaml`, the YAML renderer is
   * loaded first, so renderYaml needs no synchronous load of its own); known
   * errors (bad config, bad input, bad usage) print their message and exit 1,
   * with the stack trace only under --verbose.
   */
  action<A extends unknown[]>(fn: (...args: A) => Promise<number | undefined>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      try {
        if ((cmd.optsWithGlobals() as GlobalOptions).output === 'yaml') await loadYamlRenderer();
        const code = await fn(...args);
        this.exitCode = code ?? EXIT.ok;
      } catch (e) {
        const verbose = (cmd.optsWithGlobals() as GlobalOptions).verbose;
        this.io.stderr(`${describeError(e, verbose)}\n`);
        this.exitCode = EXIT.error;
      }
    };
  }
}

const KNOWN_ERRORS = new Set(['ConfigError', 'UsageError', 'InputFileError', 'CredentialsError', 'ManifestError']);

export function describeError(e: unknown, verbose: boolean): string {
  if (!(e instanceof Error)) return `error: ${String(e)}`;
  const known = KNOWN_ERRORS.has(e.name);
  const text = `error: ${e.message}`;
  if (verbose && e.stack) return `${text}\n${e.stack}`;
  return known ? text : `${text}\n(run with --verbose for the stack trace)`;
}

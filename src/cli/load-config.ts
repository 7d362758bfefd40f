import { dirname, resolve } from 'node:path';
import type { SlipwayConfig } from '../config/types.js';
import { type CliIO, type GlobalOptions, UsageError } from './context.js';

/**
 * Loads the config named by --config (else ./slipway.config.yaml, else the
 * bundled example, said so on stderr). Commands that change an account pass
 * `example: 'refuse'`: they never act on the bundled example.
 */
export async function loadCliConfig(
  opts: GlobalOptions,
  io: CliIO,
  use: { example?: 'notice' | 'refuse'; command?: string } = {},
): Promise<SlipwayConfig> {
  const { findConfigFile, loadConfig } = await import('../config/load.js');
  const file = findConfigFile(opts.config, io.cwd);
  await noticeBundledExample(file, opts, io, use);
  const config = await loadConfig(file);
  if (!opts.quiet) for (const w of config.warnings) io.stderr(`warning: ${w}\n`);
  return config;
}

/** Says on stderr that the bundled example stands in for a missing config, or refuses when it may not. */
export async function noticeBundledExample(
  file: string,
  opts: GlobalOptions,
  io: CliIO,
  use: { example?: 'notice' | 'refuse'; command?: string } = {},
): Promise<void> {
  const { bundledExamplePath, DEFAULT_CONFIG_FILE } = await import('../config/load.js');
  if (opts.config || file !== bundledExamplePath()) return;
  // Run inside the example's own folder, its config is the one found there, not a stand-in for a missing one.
  const ownFolder = resolve(io.cwd) === dirname(file);
  if (use.example === 'refuse') {
    const where = ownFolder ? `${file} is the bundled example` : `there is no ${DEFAULT_CONFIG_FILE} in ${io.cwd}`;
    throw new UsageError(
      `${use.command ?? 'this command'} needs your config: ${where}; ` +
        'pass --config <file> (the bundled example is never deployed or destroyed)',
    );
  }
  if (!opts.quiet && !ownFolder) {
    io.stderr(
      `note: no ${DEFAULT_CONFIG_FILE} in ${io.cwd}; using the bundled example ${file} (pass --config <file>, or run slipway init)\n`,
    );
  }
}

/** The environments a command acts on: `--env E`, `--all`, or the only one there is. */
export function selectEnvironments(config: SlipwayConfig, env: string | undefined, all = false): string[] {
  const names = Object.keys(config.environments);
  if (all) return names;
  if (env) {
    if (!config.environments[env]) {
      throw new UsageError(
        `--env "${env}" is not an environment of ${config.file ?? 'the config'}; defined: ${names.join(', ')}`,
      );
    }
    return [env];
  }
  if (names.length === 1) return names;
  throw new UsageError(`choose an environment with --env (one of: ${names.join(', ')}) or use --all`);
}

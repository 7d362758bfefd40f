import type { SlipwayConfig } from '../config/types.js';
import { type CliIO, type GlobalOptions, UsageError } from './context.js';

/** Loads the config named by --config (else ./slipway.config.yaml, else the bundled example). */
export async function loadCliConfig(opts: GlobalOptions, io: CliIO): Promise<SlipwayConfig> {
  const { findConfigFile, loadConfig } = await import('../config/load.js');
  const file = findConfigFile(opts.config, io.cwd);
  const config = await loadConfig(file);
  if (!opts.quiet) for (const w of config.warnings) io.stderr(`warning: ${w}\n`);
  return config;
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

import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import { readLimited } from '../util/text-file.js';
import { type CliIO, type GlobalOptions, UsageError } from './context.js';
import { loadCliConfig, selectEnvironments } from './load-config.js';

/** The inputs of the day-2 commands that read the config and files (static mode). */
export interface OpsInputOptions {
  env?: string;
  file?: string[];
  maxFileSize: string;
}

export const OPS_FORMATS = ['table', 'json', 'md'] as const;
export type OpsFormat = (typeof OPS_FORMATS)[number];

export const OPS_INPUT_HELP = `
Static mode: without -f the configured platform and apps are synthesized in memory (as verify does);
with -f PATH (repeatable; directories recursively, "-" reads stdin) those manifests and templates are read.
What only a cluster or an account shows (usage, nodes, recovery points, …) is marked unknown.
Output: -o table (default), json (data only) or md.`;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addOpsInputOptions(cmd: Command): Command {
  return cmd
    .option('-e, --env <name>', 'environment (required when the config has more than one)')
    .option('-f, --file <path>', 'read manifests and templates from this file or directory (repeatable)', collect)
    .option('--max-file-size <MiB>', 'largest input file read, in MiB', '64');
}

export function opsFormat(g: GlobalOptions, command: string): OpsFormat {
  const o = g.output as OpsFormat;
  if (!OPS_FORMATS.includes(o)) {
    throw new UsageError(
      `--output "${g.output}" is not supported by ${command}; use one of: ${OPS_FORMATS.join(', ')}`,
    );
  }
  return o;
}

export async function opsEnvironment(g: GlobalOptions, io: CliIO, opts: OpsInputOptions): Promise<EnvironmentConfig> {
  const config = await loadCliConfig(g, io);
  const [name] = selectEnvironments(config, opts.env);
  return config.environments[name];
}

/** The objects of an environment: the given files, or the platform and apps synthesized in memory. */
export async function opsInventory(
  env: EnvironmentConfig,
  opts: OpsInputOptions,
  io: CliIO & { readonly readStdin?: (maxBytes: number) => Promise<Uint8Array | string> },
  say: (line: string) => void,
): Promise<Inventory> {
  const maxMiB = Number(opts.maxFileSize);
  if (!Number.isFinite(maxMiB) || maxMiB <= 0) {
    throw new UsageError(`--max-file-size "${opts.maxFileSize}" is not a positive number of MiB`);
  }
  if (opts.file?.length) {
    const { inventoryFromPaths } = await import('../inventory/sources/static-inventory.js');
    return inventoryFromPaths(opts.file, {
      cwd: io.cwd,
      maxFileBytes: Math.floor(maxMiB * 1024 * 1024),
      readStdin: io.readStdin ?? ((max) => readLimited(process.stdin, max, '<stdin>')),
    });
  }
  const [{ synthesizeForVerify }, { inventoryFromTexts }] = await Promise.all([
    import('../inventory/sources/synth.js'),
    import('../inventory/sources/static-inventory.js'),
  ]);
  say(`synthesizing ${env.name} in memory…`);
  return inventoryFromTexts(await synthesizeForVerify(env, 'out', io.cwd));
}

/** Writes the rendered text, ending with one newline. */
export function emit(io: CliIO, text: string): void {
  io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}

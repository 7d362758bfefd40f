import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { LiveConnection } from '../live/connect.js';
import type { GatherLimits } from '../ops/gather/kube-lists.js';
import type { OpsProblem } from '../ops/problems.js';
import type { CliApp } from './app.js';
import { type GlobalOptions, outputFormat } from './context.js';
import {
  addLiveConnectionOptions,
  connectFromFlags,
  type LiveConnectionFlags,
  wholeNumberFlag,
} from './live-options.js';
import { loadCliConfig, selectEnvironments } from './load-config.js';
import { emit } from './ops-inputs.js';
import { renderData } from './render.js';

/** The flags of the live day-2 commands: the shared connection flags, --env and the read bounds. */
export interface OpsLiveFlags extends LiveConnectionFlags {
  env?: string;
  pageSize?: string;
  concurrency?: string;
}

export const OPS_LIVE_FORMATS = ['table', 'json', 'yaml'] as const;
export type OpsLiveFormat = (typeof OPS_LIVE_FORMATS)[number];

export const OPS_LIVE_HELP = `
Read-only: GET requests to the API server (no Secret value is kept or printed) and
Describe/List/Get/Filter calls to AWS. A part that cannot be read (forbidden, not served,
AWS denied or --no-aws) is shown as "not read" with the reason, never as healthy.
Output: -o table (default), json or yaml (data only).
Exit codes: 0 nothing needs attention, 2 something does, 1 a part could not be read or an error.`;

/** Adds the connection flags (--kubeconfig, --context, -n, --profile, --region, --no-aws, limits), --env and read bounds. */
export function addOpsLiveOptions(cmd: Command, env: 'optional' | 'required' = 'optional'): Command {
  return addLiveConnectionOptions(
    cmd.option(
      '-e, --env <name>',
      env === 'required'
        ? 'environment whose config names the cluster, registries and secrets path (required when the config has more than one)'
        : 'environment whose config names the EKS cluster (needed for the AWS side)',
    ),
  )
    .option('--page-size <n>', 'objects per list page (default 500)')
    .option('--concurrency <n>', 'reads in flight at once (default 6)');
}

/** A live day-2 run: the environment (when one is named or needed), the connection and the read bounds. */
export interface OpsLiveRun {
  readonly env?: EnvironmentConfig;
  readonly conn: LiveConnection;
  readonly limits: GatherLimits;
  /** AWS is not read (--no-aws): its parts are left out by choice and do not make the exit code 1. */
  readonly awsSkipped: boolean;
  readonly format: OpsLiveFormat;
}

/** Checks the format and bounds, loads the environment when needed, and opens the connection. */
export async function openOpsLive(
  app: CliApp,
  g: GlobalOptions,
  flags: OpsLiveFlags,
  env: 'optional' | 'required' = 'optional',
): Promise<OpsLiveRun> {
  const format = outputFormat(g, OPS_LIVE_FORMATS);
  const pageSize = wholeNumberFlag('--page-size', flags.pageSize);
  const concurrency = wholeNumberFlag('--concurrency', flags.concurrency);
  let environment: EnvironmentConfig | undefined;
  if (flags.env || env === 'required') {
    const config = await loadCliConfig(g, app.io);
    const [name] = selectEnvironments(config, flags.env);
    environment = config.environments[name];
  }
  const conn = await connectFromFlags(flags, app.io, environment);
  return {
    ...(environment ? { env: environment } : {}),
    conn,
    limits: { ...(pageSize ? { pageSize } : {}), ...(concurrency ? { concurrency } : {}) },
    awsSkipped: flags.aws === false,
    format,
  };
}

/** Prints a report: data only for json and yaml, the renderer's text for a table. */
export function emitReport(app: CliApp, run: OpsLiveRun, report: unknown, table: () => string): void {
  emit(app.io, run.format === 'table' ? table() : renderData(run.format, report));
}

/**
 * Exit code of a live day-2 command (opsExitCode): parts left out on purpose
 * (--no-aws, and the optional ones) do not make it 1. When a needed part
 * could not be read, stderr says which and why (the report has the rest).
 */
export async function opsLiveExitCode(
  app: CliApp,
  run: OpsLiveRun,
  report: { readonly problems: readonly OpsProblem[]; readonly unknown: Readonly<Record<string, string>> },
  optional: readonly string[] = [],
  awsParts: readonly string[] = [],
): Promise<number> {
  const { opsExitCode } = await import('../ops/exit-code.js');
  const skip = [...optional, ...(run.awsSkipped ? awsParts : [])];
  const code = opsExitCode(report.problems, report.unknown, skip);
  const missing = Object.entries(report.unknown).filter(([part]) => !skip.includes(part));
  if (code === 1 && missing.length) {
    const [part, reason] = missing[0];
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more part(s), listed under "Not read")` : '';
    app.io.stderr(`error: ${part} could not be read from ${run.conn.source}: ${reason}${more}\n`);
  }
  return code;
}

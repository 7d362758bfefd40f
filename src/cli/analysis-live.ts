import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { LiveConnection } from '../live/connect.js';
import { type CliIO, UsageError } from './context.js';
import {
  addLiveConnectionOptions,
  connectFromFlags,
  LIVE_CONNECTION_KEYS,
  type LiveConnectionFlags,
  wholeNumberFlag,
} from './live-options.js';

/** --live and the shared connection flags of the analyses that read config by default (cost, upgrade plan, dr, runbook); the always-live day-2 commands use ops-live.ts. */
export interface AnalysisLiveFlags extends LiveConnectionFlags {
  live?: boolean;
  pageSize?: string;
}

export const ANALYSIS_LIVE_HELP = `
Live (--live; read-only: GET requests to the API server, Describe/List/Get calls to AWS): the
cluster of the kubeconfig context and its AWS account, with the same options as verify --live
(--kubeconfig, --context, -n, --profile, --region, --no-aws, request limits). A kind the cluster
refuses or an AWS call that is denied is shown as not known, with why, and never counted as fine.`;

/** Adds --live, the shared connection flags and --page-size. */
export function addAnalysisLiveOptions(cmd: Command): Command {
  return addLiveConnectionOptions(
    cmd.option('--live', 'read the running cluster and its AWS account instead of the config (read-only)'),
  ).option('--page-size <n>', 'objects per list page with --live (default 500)');
}

/**
 * Checks the combination: --live reads no files, and connection flags (or
 * `extra` live-only flags such as --window) only apply with --live.
 */
export function checkAnalysisLiveFlags(
  flags: AnalysisLiveFlags & { file?: string[] },
  extra: Readonly<Record<string, unknown>> = {},
): void {
  if (flags.live) {
    if (flags.file?.length) throw new UsageError(`--live reads no files; drop -f ${flags.file.join(' -f ')}`);
    return;
  }
  const set = [
    ...[...LIVE_CONNECTION_KEYS, 'pageSize' as const]
      .filter((k) => flags[k] !== undefined)
      .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
    ...(flags.aws === false ? ['--no-aws'] : []),
    ...Object.entries(extra)
      .filter(([, v]) => v !== undefined)
      .map(([name]) => name),
  ];
  if (set.length) throw new UsageError(`${set.join(', ')} only apply with --live`);
}

/** The page size given with --page-size, a whole positive number. */
export function analysisPageSize(flags: AnalysisLiveFlags): number | undefined {
  return wholeNumberFlag('--page-size', flags.pageSize);
}

/** Opens the live connection the flags describe (the context is checked now). */
export function analysisConnection(
  flags: AnalysisLiveFlags,
  io: CliIO,
  env: EnvironmentConfig,
): Promise<LiveConnection> {
  return connectFromFlags(flags, io, env);
}

/** Exit code of a live analysis: 1 when a Kubernetes kind it needs could not be read, else the analysis's own. */
export function liveExitCode(unread: Readonly<Record<string, string>> | undefined, code: 0 | 2): 0 | 1 | 2 {
  return Object.keys(unread ?? {}).length ? 1 : code;
}

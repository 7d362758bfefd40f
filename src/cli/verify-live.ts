import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { KubeLimits } from '../kube/transport.js';
import type { VerifySource } from '../verify/sources.js';
import { type CliIO, UsageError } from './context.js';
import {
  addLiveConnectionOptions,
  LIVE_CONNECTION_KEYS,
  type LiveConnectionFlags,
  liveConnectOptions,
  positiveFlag,
  requestLimits,
} from './live-options.js';

/** The live and dump options of `slipway verify`. */
export interface LiveVerifyOptions extends LiveConnectionFlags {
  live?: boolean;
  fromDump?: string;
  pageSize?: string;
  include?: string[];
  exclude?: string[];
}

export const LIVE_HELP = `
Live (read-only: GET requests to the API server; Describe/List/Get calls to AWS):
  $ slipway verify --live --env prod                      current kubeconfig context, AWS_PROFILE/AWS_REGION
  $ slipway verify --live --env prod --context prod-admin --profile audit -n shop
  $ slipway verify --live --env prod --no-aws             Kubernetes only; AWS facts are unknown
  $ slipway verifier-access --env prod                    the IAM policy and ClusterRole live verify needs
Offline from a support bundle:
  $ kubectl get deploy,sts,ds,svc,ing,pdb,hpa,netpol,pvc,nodes,pods -A -o json > bundle.json
  $ slipway verify --from-dump bundle.json --env prod
  $ slipway verify --from-dump ./cluster-state --env prod   (kubectl cluster-info dump --output-directory)`;

/** Adds --live, the shared connection options (--kubeconfig, --context, -n, --profile, --region, --no-aws, limits), --page-size and --from-dump. */
export function addLiveOptions(cmd: Command): Command {
  return addLiveConnectionOptions(cmd.option('--live', 'verify the running cluster and its AWS account (read-only)'))
    .option('--page-size <n>', 'objects per list page (default 500)')
    .option('--from-dump <path>', 'verify kubectl JSON output or a `kubectl cluster-info dump` directory offline');
}

/** Whether the run reads a cluster or a dump instead of files or the synthesized config. */
export function isLiveOrDump(opts: LiveVerifyOptions): boolean {
  return Boolean(opts.live || opts.fromDump);
}

/** Checks the option combination; throws UsageError with what to change. */
export function checkLiveOptions(opts: LiveVerifyOptions, paths: readonly string[]): void {
  if (opts.live && opts.fromDump) throw new UsageError('--live and --from-dump exclude each other: choose one source');
  if (isLiveOrDump(opts) && paths.length) {
    throw new UsageError(`${opts.live ? '--live' : '--from-dump'} reads no files; drop the paths (${paths.join(' ')})`);
  }
  if (!opts.live) {
    const liveOnly = ([...LIVE_CONNECTION_KEYS, 'pageSize'] as const).filter((k) => opts[k] !== undefined);
    if (liveOnly.length || opts.aws === false) {
      const names = [
        ...liveOnly.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
        ...(opts.aws === false ? ['--no-aws'] : []),
      ];
      throw new UsageError(`${names.join(', ')} only apply with --live`);
    }
  }
}

/**
 * The live or dump source the flags describe, with progress of the
 * Kubernetes lists on a terminal's stderr (cleared by `done`).
 */
export function liveOrDumpSource(
  env: EnvironmentConfig,
  opts: LiveVerifyOptions,
  io: CliIO,
  quiet: boolean,
): { source: VerifySource; done: () => void } {
  if (opts.fromDump) return { source: { kind: 'dump', path: resolve(io.cwd, opts.fromDump) }, done: () => {} };
  const { pageSize } = liveLimits(opts);
  const progress = io.isTTY && !quiet;
  let last = '';
  const source: VerifySource = {
    kind: 'live',
    connect: liveConnectOptions(opts, io, env),
    pageSize,
    onProgress: progress
      ? (p) => {
          const line = `reading ${p.kind}: ${p.objects.toLocaleString('en-US')} objects (${p.kindsDone}/${p.kindsTotal} kinds done)`;
          if (line !== last) io.stderr(`\r\x1b[2K${line}`);
          last = line;
        }
      : undefined,
  };
  return {
    source,
    done: () => {
      if (progress && last) io.stderr('\r\x1b[2K');
      last = '';
    },
  };
}

/** The request, retry and page limits set by flags (docs/verify.md, "Limits"). */
export function liveLimits(opts: LiveVerifyOptions): { limits: Partial<KubeLimits>; pageSize?: number } {
  const limits = requestLimits(opts);
  const pageSize = positiveFlag('--page-size', opts.pageSize);
  if (pageSize !== undefined && !Number.isInteger(pageSize)) {
    throw new UsageError(`--page-size must be a whole number; got "${opts.pageSize}"`);
  }
  return { limits, ...(pageSize !== undefined ? { pageSize } : {}) };
}

import type { Command } from 'commander';
import type { SlipwayConfig } from '../config/types.js';
import type { FleetVerifyOptions, FleetVerifyRun } from '../verify/run-fleet-verify.js';
import { type CliIO, UsageError } from './context.js';
import { liveConnectOptions } from './live-options.js';
import { createProgress } from './progress.js';
import { type LiveVerifyOptions, liveLimits } from './verify-live.js';

/** The fleet options of `slipway verify --live`. */
export interface FleetVerifyFlags extends LiveVerifyOptions {
  /** --env: the environment of contexts no environments.<e>.contexts lists. */
  env?: string;
  allContexts?: boolean;
  fleetConcurrency?: string;
}

export const FLEET_HELP = `
Fleet (one live read and verdict per kubeconfig context, a few clusters at once):
  $ slipway verify --live --context test-eu,prod-eu,prod-us   each context's environment from environments.<e>.contexts, else --env
  $ slipway verify --live --all-contexts --env prod -o html > fleet.html
  A cluster that cannot be read is an error for that cluster; the others are judged.
  Exit 2 when any cluster fails, else 1 when any could not be read, else 0.`;

/** Adds --all-contexts and --fleet-concurrency (--context a,b comes with the live options). */
export function addFleetOptions(cmd: Command): Command {
  return cmd
    .option(
      '--all-contexts',
      'with --live: verify every context of the kubeconfig (KUBECONFIG merged), one cluster each',
    )
    .option('--fleet-concurrency <n>', 'with --context a,b or --all-contexts: clusters read at once (default 4)');
}

/** Whether the flags ask for more than one cluster: --all-contexts, or --context with a comma-separated list. */
export function isFleet(opts: FleetVerifyFlags): boolean {
  return Boolean(opts.live && (opts.allContexts || opts.context?.includes(',')));
}

/** The contexts named by --context a,b (trimmed, empty items dropped), or 'all' for --all-contexts. */
export function fleetContexts(opts: FleetVerifyFlags): readonly string[] | 'all' {
  if (opts.allContexts) return 'all';
  return (opts.context ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Checks the fleet flags; throws UsageError with what to change. */
export function checkFleetOptions(opts: FleetVerifyFlags): void {
  if (!opts.live) {
    const given = [
      opts.allContexts ? '--all-contexts' : '',
      opts.fleetConcurrency !== undefined ? '--fleet-concurrency' : '',
    ]
      .filter(Boolean)
      .join(', ');
    if (given) throw new UsageError(`${given} only apply with --live`);
    return;
  }
  if (opts.allContexts && opts.context !== undefined) {
    throw new UsageError(
      `--all-contexts and --context "${opts.context}" exclude each other: name the contexts, or take them all`,
    );
  }
  if (opts.fleetConcurrency !== undefined && !isFleet(opts)) {
    throw new UsageError('--fleet-concurrency applies to --context a,b or --all-contexts (more than one cluster)');
  }
}

/** --fleet-concurrency as a whole number of at least 1. */
function concurrencyOf(opts: FleetVerifyFlags): number | undefined {
  if (opts.fleetConcurrency === undefined) return undefined;
  const n = Number(opts.fleetConcurrency);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `--fleet-concurrency must be a whole number of clusters, at least 1; got "${opts.fleetConcurrency}"`,
    );
  }
  return n;
}

/**
 * Runs the fleet the flags describe, with `clusters read done/total` on a
 * terminal's stderr, and one stderr line per cluster that could not be read.
 */
export async function runFleetFromFlags(
  config: SlipwayConfig,
  opts: FleetVerifyFlags,
  io: CliIO,
  quiet: boolean,
  judging: Pick<FleetVerifyOptions, 'rules' | 'include' | 'exclude' | 'failOn' | 'thresholds' | 'timings'>,
): Promise<FleetVerifyRun> {
  const { runFleetVerify } = await import('../verify/run-fleet-verify.js');
  const contexts = fleetContexts(opts);
  const { pageSize } = liveLimits(opts);
  const connect = liveConnectOptions({ ...opts, context: undefined }, io);
  const progress = await createProgress({ stream: io.stderrStream, env: io.env, quiet });
  progress.start('clusters read', contexts === 'all' ? undefined : contexts.length);
  try {
    const run = await runFleetVerify({
      ...judging,
      config,
      contexts,
      connect,
      environment: opts.env,
      concurrency: concurrencyOf(opts),
      pageSize,
      onCluster: (r) => progress.tick(1, r.target?.context),
    });
    progress.stop();
    for (const r of run.reports) {
      if (r.error) io.stderr(`error: context ${r.target?.context} (cluster ${r.target?.cluster || '?'}): ${r.error}\n`);
    }
    return run;
  } finally {
    progress.stop();
  }
}

import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { KubeLimits } from '../kube/transport.js';
import type { Rule } from '../rules/types.js';
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

/** Builds the inventory from the cluster (and AWS), or from a dump, for the selected rules. */
export async function liveOrDumpInventory(
  env: EnvironmentConfig,
  rules: readonly Rule[],
  opts: LiveVerifyOptions,
  io: CliIO,
  quiet: boolean,
): Promise<Inventory> {
  const [{ needsOf }, { selected }] = await Promise.all([
    import('../inventory/sources/needs.js'),
    import('../rules/engine/glob.js'),
  ]);
  const needs = needsOf(rules.filter((r) => selected(r.meta.id, opts.include, opts.exclude)));
  if (opts.fromDump) {
    const { loadDumpInventory } = await import('../inventory/sources/dump.js');
    const { resolve } = await import('node:path');
    return loadDumpInventory(resolve(io.cwd, opts.fromDump), { kinds: needs.kube, awsTypes: needs.aws });
  }
  const [{ collectLiveInventory }, { connectLive }] = await Promise.all([
    import('../inventory/sources/live.js'),
    import('../live/connect.js'),
  ]);
  const { pageSize } = liveLimits(opts);
  const connectOptions = liveConnectOptions(opts, io, env);
  // The cluster is connected only when the rules read it: an AWS-only selection needs no kubeconfig.
  const connection = needs.kube.length > 0 ? await connectLive(connectOptions) : undefined;
  const progress = io.isTTY && !quiet;
  let last = '';
  const inv = await collectLiveInventory({
    needs,
    env,
    kube: { reader: connection?.kube, namespace: opts.namespace, pageSize },
    aws: connectOptions.aws === false ? false : { ...connectOptions.aws, clients: connection?.aws?.clients },
    onProgress: progress
      ? (p) => {
          const line = `reading ${p.kind}: ${p.objects.toLocaleString('en-US')} objects (${p.kindsDone}/${p.kindsTotal} kinds done)`;
          if (line !== last) io.stderr(`\r\x1b[2K${line}`);
          last = line;
        }
      : undefined,
  });
  if (progress && last) io.stderr('\r\x1b[2K');
  return inv;
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

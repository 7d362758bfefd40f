import type { Command } from 'commander';
import type { EnvironmentConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { KubeLimits } from '../kube/transport.js';
import type { Rule } from '../rules/types.js';
import { type CliIO, UsageError } from './context.js';

/** The live and dump options of `slipway verify`. */
export interface LiveVerifyOptions {
  live?: boolean;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  profile?: string;
  region?: string;
  /** false with --no-aws. */
  aws?: boolean;
  fromDump?: string;
  requestTimeout?: string;
  maxResponseMib?: string;
  maxRetryWait?: string;
  execTimeout?: string;
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

/** Adds --live, --kubeconfig, --context, -n, --profile, --region, --no-aws and --from-dump. */
export function addLiveOptions(cmd: Command): Command {
  return cmd
    .option('--live', 'verify the running cluster and its AWS account (read-only)')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('-n, --namespace <name>', 'read namespaced objects in this namespace only (default: all namespaces)')
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE)')
    .option('--region <region>', "AWS region (default: AWS_REGION, else the environment's region)")
    .option('--no-aws', 'do not read AWS: AWS facts are reported unknown')
    .option('--request-timeout <seconds>', 'longest one API request may take, body included (default 120)')
    .option('--max-response-mib <n>', 'largest API response accepted, in MiB (default 256)')
    .option('--max-retry-wait <seconds>', 'longest Retry-After honoured before giving up on a kind (default 30)')
    .option('--exec-timeout <seconds>', 'longest a kubeconfig credential plugin may run (default 30)')
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
    const liveOnly = (
      [
        'kubeconfig',
        'context',
        'namespace',
        'profile',
        'region',
        'requestTimeout',
        'maxResponseMib',
        'maxRetryWait',
        'execTimeout',
        'pageSize',
      ] as const
    ).filter((k) => opts[k] !== undefined);
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
  const { collectLiveInventory } = await import('../inventory/sources/live.js');
  const progress = io.isTTY && !quiet;
  let last = '';
  const inv = await collectLiveInventory({
    needs,
    env,
    kube: {
      // A KUBECONFIG list (a:b) is left to client-node, which merges the files.
      kubeconfig:
        opts.kubeconfig ?? (io.env.KUBECONFIG && !io.env.KUBECONFIG.includes(':') ? io.env.KUBECONFIG : undefined),
      context: opts.context,
      namespace: opts.namespace,
      ...liveLimits(opts),
    },
    aws:
      opts.aws === false
        ? false
        : {
            profile: opts.profile ?? io.env.AWS_PROFILE,
            region: opts.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION,
          },
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

/** A positive number given to a limit flag, or a UsageError naming the flag and the value. */
function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number; got "${value}"`);
  return n;
}

/** The request, retry and page limits set by flags (docs/verify.md, "Limits"). */
export function liveLimits(opts: LiveVerifyOptions): { limits: Partial<KubeLimits>; pageSize?: number } {
  const seconds = (flag: string, v: string | undefined) => {
    const n = positive(flag, v);
    return n === undefined ? undefined : Math.round(n * 1000);
  };
  const limits: Partial<KubeLimits> = {};
  const total = seconds('--request-timeout', opts.requestTimeout);
  if (total !== undefined) Object.assign(limits, { totalTimeoutMs: total, firstByteTimeoutMs: total });
  const mib = positive('--max-response-mib', opts.maxResponseMib);
  if (mib !== undefined) Object.assign(limits, { maxResponseBytes: Math.round(mib * 1024 * 1024) });
  const wait = seconds('--max-retry-wait', opts.maxRetryWait);
  if (wait !== undefined) Object.assign(limits, { maxRetryAfterMs: wait });
  const exec = seconds('--exec-timeout', opts.execTimeout);
  if (exec !== undefined) Object.assign(limits, { execTimeoutMs: exec });
  const pageSize = positive('--page-size', opts.pageSize);
  if (pageSize !== undefined && !Number.isInteger(pageSize)) {
    throw new UsageError(`--page-size must be a whole number; got "${opts.pageSize}"`);
  }
  return { limits, ...(pageSize !== undefined ? { pageSize } : {}) };
}

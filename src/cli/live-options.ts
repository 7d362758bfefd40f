import type { Command } from 'commander';
import type { AwsClients } from '../aws/clients.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { KubeLimits } from '../kube/transport.js';
import type { LiveConnection, LiveConnectOptions } from '../live/connect.js';
import { type CliIO, UsageError } from './context.js';

/** The flags every live command shares (verify --live and the day-2 commands). */
export interface LiveConnectionFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  profile?: string;
  region?: string;
  /** false with --no-aws. */
  aws?: boolean;
  requestTimeout?: string;
  maxResponseMib?: string;
  maxRetryWait?: string;
  execTimeout?: string;
}

/** Flag names of LiveConnectionFlags, as option keys (for "only apply with --live"). */
export const LIVE_CONNECTION_KEYS = [
  'kubeconfig',
  'context',
  'namespace',
  'profile',
  'region',
  'requestTimeout',
  'maxResponseMib',
  'maxRetryWait',
  'execTimeout',
] as const;

/** Adds --kubeconfig, --context, -n, --profile, --region, --no-aws and the request limits to a command. */
export function addLiveConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('-n, --namespace <name>', 'read namespaced objects in this namespace only (default: all namespaces)')
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE)')
    .option('--region <region>', "AWS region (default: AWS_REGION, else the environment's region)")
    .option('--no-aws', 'do not read AWS: AWS facts are reported unknown')
    .option('--request-timeout <seconds>', 'longest one API request may take, body included (default 120)')
    .option('--max-response-mib <n>', 'largest API response accepted, in MiB (default 256)')
    .option('--max-retry-wait <seconds>', 'longest Retry-After honoured before giving up on a kind (default 30)')
    .option('--exec-timeout <seconds>', 'longest a kubeconfig credential plugin may run (default 30)');
}

/** The connection the flags describe: KUBECONFIG, AWS_PROFILE and AWS_REGION fill in what the flags leave out. */
export function liveConnectOptions(
  flags: LiveConnectionFlags,
  io: Pick<CliIO, 'env'>,
  env?: Pick<EnvironmentConfig, 'clusterName' | 'region'>,
): LiveConnectOptions {
  const kubeconfigEnv = io.env.KUBECONFIG;
  return {
    // A KUBECONFIG list (a:b) is left to client-node, which merges the files.
    kubeconfig: flags.kubeconfig ?? (kubeconfigEnv && !kubeconfigEnv.includes(':') ? kubeconfigEnv : undefined),
    context: flags.context,
    namespace: flags.namespace,
    limits: requestLimits(flags),
    expected: env ? { cluster: env.clusterName, region: env.region } : undefined,
    aws:
      flags.aws === false
        ? false
        : {
            profile: flags.profile ?? io.env.AWS_PROFILE,
            region: flags.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? env?.region,
          },
  };
}

/** A positive number given to a limit flag, or a UsageError naming the flag and the value. */
export function positiveFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number; got "${value}"`);
  return n;
}

/** A whole positive number given to a flag (a page size, a concurrency), or a UsageError naming both. */
export function wholeNumberFlag(flag: string, value: string | undefined): number | undefined {
  const n = positiveFlag(flag, value);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number; got "${value}"`);
  return n;
}

/** Opens the live connection the flags describe (the context is checked now; AWS clients are made lazily). */
export async function connectFromFlags(
  flags: LiveConnectionFlags,
  io: CliIO,
  env?: EnvironmentConfig,
): Promise<LiveConnection> {
  const { connectLive } = await import('../live/connect.js');
  // The flags name a profile and region, never ready clients: connectLive creates them.
  return connectLive(liveConnectOptions(flags, io, env) as LiveConnectOptions<AwsClients>);
}

/** The request and retry limits set by flags (docs/verify.md, "Limits"). */
export function requestLimits(flags: LiveConnectionFlags): Partial<KubeLimits> {
  const seconds = (flag: string, v: string | undefined) => {
    const n = positiveFlag(flag, v);
    return n === undefined ? undefined : Math.round(n * 1000);
  };
  const limits: Partial<KubeLimits> = {};
  const total = seconds('--request-timeout', flags.requestTimeout);
  if (total !== undefined) Object.assign(limits, { totalTimeoutMs: total, firstByteTimeoutMs: total });
  const mib = positiveFlag('--max-response-mib', flags.maxResponseMib);
  if (mib !== undefined) Object.assign(limits, { maxResponseBytes: Math.round(mib * 1024 * 1024) });
  const wait = seconds('--max-retry-wait', flags.maxRetryWait);
  if (wait !== undefined) Object.assign(limits, { maxRetryAfterMs: wait });
  const exec = seconds('--exec-timeout', flags.execTimeout);
  if (exec !== undefined) Object.assign(limits, { execTimeoutMs: exec });
  return limits;
}

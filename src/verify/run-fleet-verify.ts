import type { EnvironmentConfig, SlipwayConfig } from '../config/types.js';
import type { KubeProgress } from '../inventory/sources/live-kube.js';
import type { LiveConnectOptions } from '../live/options.js';
import type { ReportTarget, VerifyReport } from '../rules/engine/types.js';
import { UsageError } from '../util/errors.js';
import type { NothingToVerify, RunVerifyOptions } from './run-verify.js';

/** Clusters a fleet run reads at once unless told otherwise. */
export const DEFAULT_FLEET_CONCURRENCY = 4;

export interface FleetVerifyOptions
  extends Pick<RunVerifyOptions, 'rules' | 'include' | 'exclude' | 'failOn' | 'thresholds' | 'timings' | 'now'> {
  readonly config: SlipwayConfig;
  /** The kubeconfig contexts to verify, one cluster each; `'all'`: every context of the kubeconfig. */
  readonly contexts: readonly string[] | 'all';
  /** What every cluster shares: kubeconfig, namespace, AWS profile and region, limits (`context` is set per cluster). */
  readonly connect: LiveConnectOptions;
  /** The environment of a context that no `environments.<e>.contexts` lists (the `--env` flag). */
  readonly environment?: string;
  /** Clusters read and judged at once; default DEFAULT_FLEET_CONCURRENCY. */
  readonly concurrency?: number;
  readonly pageSize?: number;
  /** Progress of one cluster's Kubernetes lists. */
  readonly onProgress?: (context: string, p: KubeProgress) => void;
  /** Called as each cluster is done (its report, or its error report). */
  readonly onCluster?: (report: VerifyReport) => void;
}

export interface FleetVerifyRun {
  /** One report per context, in the order asked; a cluster that could not be read has result `error` and `error`. */
  readonly reports: VerifyReport[];
  readonly nothingToVerify: NothingToVerify[];
  /** Some cluster failed at or above --fail-on. */
  readonly failed: boolean;
  /** Some cluster could not be read. */
  readonly errored: boolean;
}

/**
 * verify of many clusters in one call: for each kubeconfig context, one live
 * read (Kubernetes and, unless left out, AWS) into a fact model of its own,
 * judged with the thresholds of the environment that lists the context under
 * `environments.<e>.contexts` (else `environment`). At most `concurrency`
 * clusters are read at once. A cluster that cannot be read is an error
 * report for that cluster; the others are judged as usual. Every report
 * carries its target and every finding its context and cluster. Prints nothing.
 */
export async function runFleetVerify(options: FleetVerifyOptions): Promise<FleetVerifyRun> {
  const [{ listKubeContexts }, { runVerify }, { errorReport, targetedReport }] = await Promise.all([
    import('../kube/kubeconfig-contexts.js'),
    import('./run-verify.js'),
    import('./fleet-report.js'),
  ]);
  const known = await listKubeContexts(options.connect.kubeconfig);
  const names = options.contexts === 'all' ? known.map((c) => c.name) : [...new Set(options.contexts)];
  if (names.length === 0) {
    throw new UsageError(
      options.contexts === 'all'
        ? 'the kubeconfig has no contexts; add one with `aws eks update-kubeconfig --name <cluster>`'
        : 'no kubeconfig context was given; name one or more (--context a,b) or use --all-contexts',
    );
  }
  const envOf = environmentsOfContexts(options.config, names, options.environment);
  const rules = options.rules ?? (await import('../rules/engine/load-rules.js').then((m) => m.loadRules()));
  const byName = new Map(known.map((c) => [c.name, c]));

  const judge = async (context: string): Promise<VerifyReport> => {
    const env = envOf.get(context) as EnvironmentConfig;
    const info = byName.get(context);
    const target: ReportTarget = {
      context,
      cluster: info?.cluster ?? '',
      ...(info?.server ? { server: info.server } : {}),
    };
    if (!info) {
      const list = known.map((c) => c.name).join(', ') || '(none)';
      return errorReport(env, target, `context "${context}" is not in the kubeconfig; contexts: ${list}`, options);
    }
    try {
      const run = await runVerify({
        config: options.config,
        environments: [env.name],
        source: {
          kind: 'live',
          connect: {
            ...options.connect,
            context,
            expected: { cluster: env.clusterName, region: env.region },
            // Each cluster's AWS account is read in its environment's region unless a region was given.
            aws:
              options.connect.aws === false
                ? false
                : { ...options.connect.aws, region: options.connect.aws?.region ?? env.region },
          },
          pageSize: options.pageSize,
          onProgress: options.onProgress ? (p) => options.onProgress?.(context, p) : undefined,
        },
        rules,
        include: options.include,
        exclude: options.exclude,
        failOn: options.failOn,
        thresholds: options.thresholds,
        timings: options.timings,
        now: options.now,
      });
      return targetedReport(run.reports[0], target);
    } catch (e) {
      return errorReport(env, target, e instanceof Error ? e.message : String(e), options);
    }
  };

  const reports = await mapBounded(names, options.concurrency ?? DEFAULT_FLEET_CONCURRENCY, async (context) => {
    const report = await judge(context);
    options.onCluster?.(report);
    return report;
  });
  const nothingToVerify = reports.flatMap((r) =>
    r.summary.nothingToVerify
      ? [{ environment: `${r.environment.name} (context ${r.target?.context})`, reason: r.summary.nothingToVerify }]
      : [],
  );
  return {
    reports,
    nothingToVerify,
    failed: reports.some((r) => r.summary.result === 'fail'),
    errored: reports.some((r) => r.summary.result === 'error'),
  };
}

/**
 * The exit code of a fleet run: 2 when any cluster failed (a failure is the
 * stronger news, whatever else happened), else 1 when any cluster could not
 * be read or had nothing to verify, else 0.
 */
export function fleetExitCode(run: FleetVerifyRun): 0 | 1 | 2 {
  if (run.failed) return 2;
  return run.errored || run.nothingToVerify.length ? 1 : 0;
}

/** Each context's environment: the one whose `contexts` lists it, else `fallback`; throws naming the unmapped ones. */
export function environmentsOfContexts(
  config: SlipwayConfig,
  contexts: readonly string[],
  fallback: string | undefined,
): Map<string, EnvironmentConfig> {
  if (fallback !== undefined && !config.environments[fallback]) {
    const known = Object.keys(config.environments).join(', ');
    throw new UsageError(`environment "${fallback}" is not in the config; environments: ${known}`);
  }
  const mapped = new Map<string, EnvironmentConfig>();
  for (const env of Object.values(config.environments))
    for (const c of env.contexts ?? []) if (!mapped.has(c)) mapped.set(c, env);
  const out = new Map<string, EnvironmentConfig>();
  const unmapped: string[] = [];
  for (const c of contexts) {
    const env = mapped.get(c) ?? (fallback !== undefined ? config.environments[fallback] : undefined);
    if (env) out.set(c, env);
    else unmapped.push(c);
  }
  if (unmapped.length) {
    throw new UsageError(
      `no environment judges context${unmapped.length > 1 ? 's' : ''} ${unmapped.join(', ')}: list ${unmapped.length > 1 ? 'them' : 'it'} under environments.<env>.contexts in ${config.file ?? 'the config'}, or pass --env (one of: ${Object.keys(config.environments).join(', ')})`,
    );
  }
  return out;
}

/** `fn` over `items` with at most `limit` running at once; results in the order of `items`. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`concurrency must be a whole number of at least 1; got ${limit}`);
  }
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

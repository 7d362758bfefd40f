import type { FailOn } from '../config/schema/verify.js';
import type { SlipwayConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { VerifyReport } from '../rules/engine/types.js';
import type { Rule } from '../rules/types.js';
import type { VerifySource } from './sources.js';

export interface RunVerifyOptions {
  readonly config: SlipwayConfig;
  /** The environments to judge, by name (each must be in the config). */
  readonly environments: readonly string[];
  readonly source: VerifySource;
  /** The rules to choose from; default: every registered rule. */
  readonly rules?: readonly Rule[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly failOn?: FailOn;
  /** Where the thresholds came from (files verified without a config use the prod preset's). */
  readonly thresholds?: 'config' | 'default-prod-preset';
  /** When given, each rule's run time in milliseconds (JUnit's `time`). */
  readonly timings?: Map<string, number>;
  /** Today, for expiry dates. */
  readonly now?: Date;
}

/** An environment whose inputs held nothing the selected rules read. */
export interface NothingToVerify {
  readonly environment: string;
  readonly reason: string;
}

export interface VerifyRun {
  /** One report per environment, in the order asked. */
  readonly reports: VerifyReport[];
  readonly nothingToVerify: NothingToVerify[];
  /** Some report failed at or above --fail-on. */
  readonly failed: boolean;
}

/**
 * verify as one call: reads the source for each environment (files once for
 * all of them; synth, dump and live per environment), runs the rules and
 * returns the reports with what decides the exit code. Prints nothing.
 */
export async function runVerify(options: RunVerifyOptions): Promise<VerifyRun> {
  const [{ verify }, rules] = await Promise.all([
    import('../rules/engine/verify.js'),
    options.rules ?? import('../rules/engine/load-rules.js').then((m) => m.loadRules()),
  ]);
  const { inventoryFor } = await import('./sources.js');
  const selection = { rules, include: options.include, exclude: options.exclude };
  const reports: VerifyReport[] = [];
  let shared: Inventory | undefined;
  for (const name of options.environments) {
    const env = options.config.environments[name];
    if (!env) {
      const known = Object.keys(options.config.environments).join(', ');
      throw new RangeError(`environment "${name}" is not in the config; environments: ${known}`);
    }
    // Files are the same for every environment: read them once.
    let inventory = options.source.kind === 'files' ? shared : undefined;
    inventory ??= await inventoryFor(options.source, env, selection);
    if (options.source.kind === 'files') shared = inventory;
    reports.push(
      verify(inventory, {
        env,
        rules,
        include: options.include,
        exclude: options.exclude,
        failOn: options.failOn,
        configFile: options.config.file,
        thresholds: options.thresholds,
        namespace: options.source.kind === 'live' ? options.source.connect.namespace : undefined,
        timings: options.timings,
        now: options.now,
      }),
    );
  }
  const nothingToVerify = reports.flatMap((r) =>
    r.summary.nothingToVerify ? [{ environment: r.environment.name, reason: r.summary.nothingToVerify }] : [],
  );
  return { reports, nothingToVerify, failed: reports.some((r) => r.summary.result === 'fail') };
}

/** 1 when an environment had nothing to verify, 2 when a report failed, else 0. */
export function verifyExitCode(run: VerifyRun): 0 | 1 | 2 {
  if (run.nothingToVerify.length) return 1;
  return run.failed ? 2 : 0;
}

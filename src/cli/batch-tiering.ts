import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode a function runs before V8 considers optimising it, for a
 * static verify on Node 20 (V8 11). V8's default (66 KB) is tuned for
 * long-lived programs; a verify over thousands of objects runs each of 77
 * rules' loops once, briefly, so with the default the optimising compiler
 * spends more CPU (on its own threads) compiling them than the optimised code
 * then saves. At this budget only the code that runs long (the parser, the
 * shared walks) is optimised. Measured in BENCHMARKS.md ("Static verify at
 * every size").
 */
export const BATCH_INTERRUPT_BUDGET = 400_000;

/**
 * The same idea on Node 22 and later (V8 12 and 13, which tier through Maglev
 * before TurboFan and count invocations instead of bytecode): how many times a
 * function runs before TurboFan compiles it. Maglev still optimises the rules'
 * loops early; only TurboFan's expensive compiles wait for the code that keeps
 * running. At V8's default a 20,000-object verify on Node 22 spent a fifth of
 * its CPU more (BENCHMARKS.md, "Third round").
 */
export const BATCH_TURBOFAN_INVOCATIONS = 20_000;

/** The V8 flags a static verify sets on this Node version: each measured on the versions it is set for. */
export function batchTieringFlags(nodeVersion: string = process.versions.node): string[] {
  const major = Number(nodeVersion.split('.')[0]);
  if (major === 20) return [`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`];
  if (major >= 22) return [`--invocation-count-for-turbofan=${BATCH_TURBOFAN_INVOCATIONS}`];
  return [];
}

let applied: readonly string[] | undefined;

/**
 * Sets the batch tiering flags once per process (they hold for the rest of
 * it: verify is the process's one job in the CLI). Returns the flags in effect.
 */
export function useBatchTiering(): readonly string[] {
  if (!applied) {
    applied = batchTieringFlags();
    for (const flag of applied) setFlagsFromString(flag);
  }
  return applied;
}

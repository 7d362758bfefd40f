import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode a function runs before V8 considers optimising it, for a
 * static verify. V8's default (66 KB on Node 20) is tuned for long-lived
 * programs; a verify over thousands of objects runs each of 77 rules' loops
 * once, briefly, so with the default the optimising compiler spends more CPU
 * (on its own threads) compiling them than the optimised code then saves. At
 * this budget only the code that runs long (the parser, the shared walks) is
 * optimised. Measured in BENCHMARKS.md ("Static verify at every size").
 */
export const BATCH_INTERRUPT_BUDGET = 400_000;

/**
 * The V8 flags a static verify sets on this Node version, or none: the budget
 * was measured on Node 20 (V8 11); later versions tier differently (Maglev)
 * and keep V8's defaults until measured there.
 */
export function batchTieringFlags(nodeVersion: string = process.versions.node): string[] {
  const major = Number(nodeVersion.split('.')[0]);
  return major === 20 ? [`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`] : [];
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

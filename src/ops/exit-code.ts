import { type OpsProblem, problemsExitCode } from './problems.js';

/**
 * Exit code of a read-only ops command: 1 when a part it needs could not be
 * read (the report still shows the rest, marked unknown), else 2 when
 * something needs attention, else 0. `optional` names parts whose absence
 * only hides a column (metrics.k8s.io usage, …).
 */
export function opsExitCode(
  problems: readonly OpsProblem[],
  unknown: Readonly<Record<string, string>>,
  optional: readonly string[] = [],
): 0 | 1 | 2 {
  if (Object.keys(unknown).some((part) => !optional.includes(part))) return 1;
  return problemsExitCode(problems);
}

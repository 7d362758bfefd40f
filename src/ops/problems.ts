/**
 * A finding of a day-2 command: what is wrong with which object, why, and what
 * to do next. Every ops command returns these (plus its own view of the
 * cluster); renderers in `src/report/ops/` print them.
 */
export type ProblemSeverity = 'critical' | 'warning' | 'info';

export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface OpsProblem {
  readonly severity: ProblemSeverity;
  /** Stable id of the kind of problem, e.g. `pod.crash-loop`, `image.critical-findings`. */
  readonly code: string;
  readonly object: ObjectRef;
  /** What is wrong, in one line ("CrashLoopBackOff, 7 restarts"). */
  readonly what: string;
  /** Why, from the facts that explain it (last termination, event message, IAM denial, …). */
  readonly cause?: string;
  /** The next step to take: a command with real names where one helps. */
  readonly next?: string;
  /** Which side the facts came from; `joined` when Kubernetes and AWS were combined. */
  readonly source: 'kubernetes' | 'aws' | 'joined';
}

/** Exit code of a read-only ops command: 2 when something needs attention, else 0 (1 is for errors, set by the CLI). */
export function problemsExitCode(problems: readonly OpsProblem[]): 0 | 2 {
  return problems.some((p) => p.severity !== 'info') ? 2 : 0;
}

export function refOf(o: {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}): ObjectRef {
  return o.metadata.namespace
    ? { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace }
    : { kind: o.kind, name: o.metadata.name };
}

const ORDER: Record<ProblemSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Critical first, then by namespace, kind, name and code: the same input prints the same order. */
export function sortProblems(problems: readonly OpsProblem[]): OpsProblem[] {
  const key = (p: OpsProblem) =>
    `${p.object.namespace ?? ''}\u0000${p.object.kind}\u0000${p.object.name}\u0000${p.code}`;
  return [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || key(a).localeCompare(key(b)));
}

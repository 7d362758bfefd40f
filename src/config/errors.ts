import { formatPath, type ValuePath } from '../util/paths.js';

/** Where in a file something is: 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One problem with a configuration: what, where, the value seen and what is allowed. */
export interface ConfigIssue {
  /** Path in the config file, such as ['environments', 'prod', 'nodes', 'groups', 0, 'min']. */
  readonly path: ValuePath;
  readonly message: string;
  /** The value found there, when there was one. */
  readonly received?: unknown;
  readonly location?: SourceLocation;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.location ? `${issue.location.file}:${issue.location.line}:${issue.location.column}` : '';
  const path = issue.path.length ? formatPath(issue.path) : '';
  const head = [where, path].filter(Boolean).join(' ');
  const seen = 'received' in issue && issue.received !== undefined ? ` (found ${describeValue(issue.received)})` : '';
  return `${head ? `${head}: ` : ''}${issue.message}${seen}`;
}

/** A configuration that cannot be used; carries every problem found, not just the first. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];
  constructor(
    issues: readonly ConfigIssue[],
    readonly file?: string,
  ) {
    const sorted = [...issues].sort(compareIssues);
    super(
      `${file ? `${file}: ` : ''}${sorted.length} problem${sorted.length === 1 ? '' : 's'} in the configuration:\n${sorted
        .map((i) => `  - ${formatIssue(i)}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = sorted;
  }
}

function compareIssues(a: ConfigIssue, b: ConfigIssue): number {
  const la = a.location?.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.location?.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la - lb;
  return (a.location?.column ?? 0) - (b.location?.column ?? 0) || formatPath(a.path).localeCompare(formatPath(b.path));
}

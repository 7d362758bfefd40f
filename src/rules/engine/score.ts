import type { Severity } from '../../config/schema/verify.js';
import type { ResultStatus } from '../types.js';
import type { Score } from './types.js';

/**
 * The score: for each result that counts (suppressed results and skips do not),
 * a weight by severity and a credit by status; score = 100 × Σ weight·credit / Σ weight,
 * rounded down. A pass earns full credit, a warn half, a fail or an unknown none
 * (unknown never counts as pass). Scored per rule category and overall; null
 * when nothing was scored.
 */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { info: 1, low: 1, medium: 2, high: 4, critical: 8 };
export const STATUS_CREDIT: Readonly<Record<Exclude<ResultStatus, 'skip'>, number>> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
  unknown: 0,
};

export interface ScoredResult {
  readonly category: string;
  readonly status: ResultStatus;
  readonly severity: Severity;
}

export function computeScore(results: Iterable<ScoredResult>, categories: readonly string[]): Score {
  const tally = new ScoreTally();
  for (const r of results) tally.add(r, 1);
  return tally.score(categories);
}

/**
 * Sums for the score, fed with how many results share a category, status and
 * severity (the weights and credits are halves at worst, so sums stay exact
 * whatever the order or grouping).
 */
export class ScoreTally {
  private readonly sums = new Map<string, { earned: number; total: number }>();
  private readonly all = { earned: 0, total: 0 };

  /** Counts `n` results like `r`. */
  add(r: ScoredResult, n: number): void {
    if (r.status === 'skip' || n === 0) return;
    const w = SEVERITY_WEIGHT[r.severity] * n;
    const earned = w * STATUS_CREDIT[r.status];
    let s = this.sums.get(r.category);
    if (!s) {
      s = { earned: 0, total: 0 };
      this.sums.set(r.category, s);
    }
    s.earned += earned;
    s.total += w;
    this.all.earned += earned;
    this.all.total += w;
  }

  score(categories: readonly string[]): Score {
    const pct = (s: { earned: number; total: number } | undefined) =>
      s && s.total > 0 ? Math.floor((100 * s.earned) / s.total) : null;
    const out: Record<string, number | null> = {};
    for (const c of categories) out[c] = pct(this.sums.get(c));
    return { overall: pct(this.all), categories: out };
  }
}

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
  const sums = new Map<string, { earned: number; total: number }>();
  const all = { earned: 0, total: 0 };
  for (const r of results) {
    if (r.status === 'skip') continue;
    const w = SEVERITY_WEIGHT[r.severity];
    const earned = w * STATUS_CREDIT[r.status];
    let s = sums.get(r.category);
    if (!s) {
      s = { earned: 0, total: 0 };
      sums.set(r.category, s);
    }
    s.earned += earned;
    s.total += w;
    all.earned += earned;
    all.total += w;
  }
  const pct = (s: { earned: number; total: number } | undefined) =>
    s && s.total > 0 ? Math.floor((100 * s.earned) / s.total) : null;
  const out: Record<string, number | null> = {};
  for (const c of categories) out[c] = pct(sums.get(c));
  return { overall: pct(all), categories: out };
}

import { UsageError } from '../../util/errors.js';

/** How far back CloudWatch keeps metric data points (15 months, at one-hour resolution past 63 days). */
export const METRICS_RETENTION_DAYS = 455;
/** The shortest window worth a percentile: one hour. */
export const MIN_WINDOW_SECONDS = 3600;

const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, d: 86_400, w: 604_800 };

export interface UsageWindow {
  /** As given: `7d`, `36h`, `2w`. */
  readonly text: string;
  readonly seconds: number;
}

/**
 * The `--window` of live usage: a whole number of hours, days or weeks,
 * at least an hour and at most the metrics retention. Anything else is a
 * UsageError naming the value and the allowed range.
 */
export function parseUsageWindow(text: string, retentionDays = METRICS_RETENTION_DAYS): UsageWindow {
  const allowed = `allowed: 1h to ${retentionDays}d (CloudWatch keeps metric data ${retentionDays} days), as <n>h, <n>d or <n>w`;
  const m = /^([1-9]\d*)([hdw])$/.exec(text.trim());
  if (!m) throw new UsageError(`--window "${text}" is not a duration; ${allowed}, such as --window 7d`);
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2]];
  if (seconds < MIN_WINDOW_SECONDS) throw new UsageError(`--window ${text} is shorter than an hour; ${allowed}`);
  if (seconds > retentionDays * 86_400) {
    throw new UsageError(
      `--window ${text} (${Math.round(seconds / 86_400)} days) is longer than the metrics retention; ${allowed}`,
    );
  }
  return { text: text.trim(), seconds };
}

/** The checklist table's width when the terminal's is not known (a pipe, a file). */
export const DEFAULT_TABLE_WIDTH = 123;

/** Below this width the "Why it matters" column is left out. */
const NARROW = 90;

const HEAD = ['Category', 'Item', 'Status', 'How verified', 'Why it matters'] as const;
/** Shares of the free width: category, item, how verified, why it matters (status is fixed). */
const WEIGHTS = [16, 24, 38, 30] as const;
const STATUS_WIDTH = 9;
const MIN_COLUMN = 8;

/**
 * Column heads and widths of the checklist table that fit a terminal `width`
 * characters wide (borders included); narrow terminals drop the last column.
 */
export function checklistColumns(width: number): { head: string[]; widths: number[] } {
  const narrow = width < NARROW;
  const count = narrow ? 4 : 5;
  const weights = narrow ? WEIGHTS.slice(0, 3) : [...WEIGHTS];
  const free = Math.max(width - (count + 1) - STATUS_WIDTH, MIN_COLUMN * weights.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => Math.max(MIN_COLUMN, Math.floor((free * w) / total)));
  return { head: HEAD.slice(0, count), widths: [cols[0], cols[1], STATUS_WIDTH, ...cols.slice(2)] };
}

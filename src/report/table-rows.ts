import type { CellOptions } from 'cli-table3';

/** A continuation line's cell: its top border is empty, so cli-table3 draws no separator above it. */
const NO_TOP = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } as const;

/**
 * The rows of a word-wrapped cli-table3 table as one table row per text line, wrapped as the table's own
 * `wordWrap` option would wrap them, for a table drawn with `wordWrap` off; the same output, byte for byte.
 *
 * Why: cli-table3 truncates each cell's whole text to 10 characters for a debug message on every line it
 * draws, and for text with line breaks (a multi-line or wrapped cell) it does so one character at a time,
 * measuring the rest each time: quadratic in the cell's length, per line. A cell that holds one line
 * truncates in one step. Lines after a row's first draw no border above them (cli-table3 leaves out a
 * border line that every cell draws empty), so the rows look as before.
 */
export async function lineRows(
  rows: readonly (readonly string[])[],
  colWidths: readonly number[],
  opts: { wrapOnWordBoundary: boolean; padding?: number },
): Promise<CellOptions[][]> {
  const { wordWrap, colorizeLines } = (await import('cli-table3/src/utils.js'))
    .default as typeof import('cli-table3/src/utils.js');
  const padding = opts.padding ?? 2;
  const out: CellOptions[][] = [];
  for (const row of rows) {
    const lines = row.map((text, i) =>
      colorizeLines(wordWrap(colWidths[i] - padding, String(text), opts.wrapOnWordBoundary)),
    );
    const height = Math.max(1, ...lines.map((l) => l.length));
    for (let n = 0; n < height; n++) {
      out.push(lines.map((l) => (n === 0 ? { content: l[n] ?? '' } : { content: l[n] ?? '', chars: NO_TOP })));
    }
  }
  return out;
}

import { createRequire } from 'node:module';
import { lineRows } from '../report/table-rows.js';

type Stringify = typeof import('yaml').stringify;
let stringify: Stringify | undefined;

/** Data as JSON, keys in insertion order (generators already sort), two-space indent. */
export function renderJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Loads the `yaml` package for renderYaml ahead of time, as an import: in the bundled CLI that is the copy
 * bundled with it (a lazy chunk) instead of a second one from node_modules. Commands that print YAML call it first.
 */
export async function loadYamlRenderer(): Promise<void> {
  stringify ??= (await import('yaml')).stringify;
}

/** Data as YAML; the `yaml` package is loaded on the first call (unless loadYamlRenderer did), so commands that print no YAML never load it. */
export function renderYaml(data: unknown): string {
  stringify ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify;
  return stringify(data, { lineWidth: 0 });
}

/** The data-only formats every command accepts next to its table: the same data as JSON or YAML. */
export function renderData(format: 'json' | 'yaml', data: unknown): string {
  return format === 'json' ? renderJson(data) : renderYaml(data);
}

/**
 * A text table that fits the terminal width (120 columns when unknown);
 * cli-table3 is loaded only when a table is drawn.
 */
export async function renderTable(
  head: string[],
  rows: string[][],
  opts: { color: boolean; width?: number },
): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const width = Math.max(60, opts.width ?? 120);
  const natural = head.map((h, i) => Math.max(h.length, ...rows.map((r) => longestLine(r[i] ?? ''))) + 2);
  const budget = width - (head.length + 1);
  const colWidths = fitColumns(natural, budget);
  // Wrapped here, one table row per line (see lineRows): cli-table3 draws a multi-line cell in time quadratic in its length.
  const table = new Table({
    head,
    colWidths,
    style: { head: opts.color ? ['cyan'] : [], border: opts.color ? ['grey'] : [] },
  });
  table.push(...(await lineRows(rows, colWidths, { wrapOnWordBoundary: true })));
  return `${table.toString()}\n`;
}

function longestLine(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => l.length));
}

/** Shrinks the widest columns first until the table fits. */
export function fitColumns(natural: number[], budget: number): number[] {
  const widths = [...natural];
  const min = 8;
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const i = widths.indexOf(Math.max(...widths));
    if (widths[i] <= min) break;
    widths[i] -= 1;
  }
  return widths;
}

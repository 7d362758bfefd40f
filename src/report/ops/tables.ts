/** Table helpers of the analysis reports (cost, upgrade, dr): aligned text and markdown. */
import type { OpsProblem } from '../../ops/problems.js';

/** Rows as aligned text columns, two spaces apart; the last column is not padded. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A markdown table; pipes in cells are escaped. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function money(n: number | undefined, currency = 'USD'): string {
  return n === undefined ? '—' : `${n.toFixed(2)} ${currency}`;
}

export function objectName(o: OpsProblem['object']): string {
  return `${o.kind}/${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

export function problemRows(problems: readonly OpsProblem[]): string[][] {
  return problems.map((p) => [p.severity, p.code, objectName(p.object), p.what, p.next ?? '']);
}

export const PROBLEM_HEAD = ['severity', 'code', 'object', 'what', 'next'];

/** The parts that could not be read, one line each. */
export function unknownLines(unknown: Readonly<Record<string, string>>, bullet = '  '): string[] {
  return Object.entries(unknown)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${bullet}${k}: ${v}`);
}

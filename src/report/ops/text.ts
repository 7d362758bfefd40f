import { createColors } from 'picocolors';
import type { ObjectRef, OpsProblem } from '../../ops/problems.js';

/** Options of every ops table renderer; `color` is false under NO_COLOR or --no-color (decided by the CLI). */
export interface OpsTextOptions {
  readonly color: boolean;
}

export type Colors = ReturnType<typeof createColors>;

export function colors(opts: OpsTextOptions): Colors {
  return createColors(opts.color);
}

/** Pads cells to the widest of each column (the last column is not padded), each line indented by `indent`. */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i] ?? 0, r[i].length);
  return rows.map((r) =>
    `${indent}${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}`.trimEnd(),
  );
}

/** "Pod shop/checkout-x" for namespaced objects, "Node n1" otherwise. */
export function refText(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function paintSeverity(c: Colors, p: OpsProblem): string {
  const label = p.severity.toUpperCase().padEnd(8);
  return p.severity === 'critical' ? c.red(label) : p.severity === 'warning' ? c.yellow(label) : c.dim(label);
}

/** The problems, most severe first, each with its cause and next step; "Nothing needs attention." when empty. */
export function problemsSection(problems: readonly OpsProblem[], c: Colors): string[] {
  if (problems.length === 0) return [c.green('Nothing needs attention.'), ''];
  const count = (s: OpsProblem['severity']) => problems.filter((p) => p.severity === s).length;
  const out = [
    c.bold(
      `Problems (${problems.length}: ${count('critical')} critical, ${count('warning')} warning, ${count('info')} info)`,
    ),
  ];
  for (const p of problems) {
    out.push(
      `  ${paintSeverity(c, p)} ${p.code}  ${refText(p.object)}${p.source === 'joined' ? '  [kubernetes+aws]' : ''}`,
    );
    out.push(`           ${p.what}`);
    if (p.cause) out.push(c.dim(`           cause: ${p.cause}`));
    if (p.next) out.push(c.dim(`           next:  ${p.next}`));
  }
  out.push('');
  return out;
}

/** Parts that could not be read: shown so that an empty section is never read as healthy. */
export function unknownSection(unknown: Readonly<Record<string, string>>, c: Colors): string[] {
  const parts = Object.keys(unknown).sort();
  if (parts.length === 0) return [];
  return [c.bold(c.yellow(`Not read (${parts.length})`)), ...parts.map((p) => `  ${p}: ${unknown[p]}`), ''];
}

/** A section heading with its count, or a dim "none" line when there is nothing to list. */
export function heading(c: Colors, title: string, n: number, unknownReason?: string): string[] {
  if (unknownReason !== undefined) return [c.bold(title), c.yellow(`  unknown: ${unknownReason}`), ''];
  if (n === 0) return [`${c.bold(title)} ${c.dim('(none)')}`, ''];
  return [c.bold(`${title} (${n})`)];
}

/** The clock part of an ISO time ("08:58:12"), or the whole text when it is not one. */
export function clock(iso: string): string {
  const m = /T(\d\d:\d\d:\d\d)/.exec(iso);
  return m ? m[1] : iso;
}

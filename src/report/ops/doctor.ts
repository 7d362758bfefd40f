import type { DoctorLink, DoctorReport } from '../../ops/doctor/types.js';
import { type Colors, colors, type OpsTextOptions, problemsSection, refText, unknownSection } from './text.js';

function stateLabel(c: Colors, l: DoctorLink): string {
  const text = l.state.toUpperCase().padEnd(7);
  return l.state === 'ok' ? c.green(text) : l.state === 'problem' ? c.red(text) : c.yellow(text);
}

/** `slipway doctor` for a terminal: the headline, the chain link by link (with the previous log tail), the problems and what was not read. */
export function renderDoctorTable(r: DoctorReport, opts: OpsTextOptions): string {
  const c = colors(opts);
  const t = r.target;
  const out: string[] = [c.bold(`Doctor ${t.kind.toLowerCase()}/${t.name} -n ${t.namespace}`), ''];
  if (!r.found) {
    out.push(c.red(`Not found: ${r.unknown.target ?? 'the target does not exist'}`), '');
    const rest = Object.fromEntries(Object.entries(r.unknown).filter(([k]) => k !== 'target'));
    out.push(...unknownSection(rest, c));
    return `${out.join('\n').trimEnd()}\n`;
  }
  const h = r.headline;
  if (h) {
    out.push(`${c.bold(c.red('Headline'))} ${h.code}  ${refText(h.object)}`, `  ${h.what}`);
    if (h.cause) out.push(`  cause: ${h.cause}`);
    if (h.next) out.push(`  next:  ${h.next}`);
    out.push('');
  } else out.push(c.green('Every link that could be read is healthy.'), '');
  out.push(c.bold('Chain'));
  const stepWidth = Math.max(...r.chain.map((l) => l.step.length));
  for (const l of r.chain) {
    out.push(
      `  ${stateLabel(c, l)} ${l.step.padEnd(stepWidth)}  ${l.object ? `${refText(l.object)}  ` : ''}${l.detail}`,
    );
    if (l.state === 'unknown' && l.reason)
      out.push(c.yellow(`          ${''.padEnd(stepWidth)}  unknown: ${l.reason}`));
    for (const line of l.lines ?? []) out.push(c.dim(`          ${''.padEnd(stepWidth)}  | ${line}`));
  }
  out.push('', ...problemsSection(r.problems, c), ...unknownSection(r.unknown, c));
  return `${out.join('\n').trimEnd()}\n`;
}

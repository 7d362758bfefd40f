import { formatBytes } from '../../ops/common/resources.js';
import type { LogsReport } from '../../ops/logs/types.js';
import {
  clock,
  colors,
  columns,
  heading,
  type OpsTextOptions,
  plural,
  problemsSection,
  unknownSection,
} from './text.js';

/** `slipway logs` for a terminal: pods and containers with the previous crash's tail, log groups, error groups, problems. */
export function renderLogsTable(r: LogsReport, opts: OpsTextOptions): string {
  const c = colors(opts);
  const title = r.app ? `Logs of ${r.app.namespace}/${r.app.name}` : 'Logs of the cluster';
  const out: string[] = [c.bold(`${title}, ${r.window.from} to ${r.window.to}`), ''];

  out.push(...heading(c, 'Pods', r.pods.length, r.unknown.pods));
  for (const p of r.pods) {
    out.push(`  ${p.name}  ${p.phase}${p.node ? `  on ${p.node}` : ''}`);
    for (const k of p.containers) {
      const line = `    ${k.name}  ${k.state}  ${plural(k.restarts, 'restart')}${k.lastTermination ? `  last: ${k.lastTermination.reason ?? '?'} exit ${k.lastTermination.exitCode ?? '?'}` : ''}`;
      out.push(k.ready ? line : c.red(line));
      if (k.previous && 'unknown' in k.previous)
        out.push(c.yellow(`      previous log unknown: ${k.previous.unknown}`));
      else if (k.previous) {
        out.push(c.dim(`      previous container, last ${plural(k.previous.tail.length, 'line')}:`));
        for (const l of k.previous.tail) out.push(`      | ${l}`);
      }
    }
  }
  if (r.pods.length) out.push('');

  out.push(...heading(c, 'Log groups', r.logGroups.length, r.unknown.logGroups));
  if (r.logGroups.length)
    out.push(
      ...columns(
        r.logGroups.map((g) => [
          g.name,
          g.retentionInDays !== undefined ? `${g.retentionInDays} days` : 'never expires',
          g.storedBytes !== undefined ? formatBytes(g.storedBytes) : '-',
        ]),
      ),
      '',
    );

  const e = r.errors;
  const where = e.logGroup ? ` in ${e.logGroup}${e.filterPattern ? ` (filter ${e.filterPattern})` : ''}` : '';
  out.push(...heading(c, `Error lines${where}`, e.groups.length, r.unknown.errorEvents));
  if (e.groups.length) {
    out.push(
      c.dim(
        `  ${plural(e.total, 'line')} in the window in ${plural(e.groups.length + e.moreGroups, 'group')}${e.outsideWindow ? `; ${e.outsideWindow} outside the window left out` : ''}`,
      ),
    );
    out.push(
      ...columns(
        e.groups.map((g) => [
          `x${g.count}`,
          `${g.namespace}/${g.workload}`,
          `${clock(g.first)}–${clock(g.last)}`,
          plural(g.pods.length, 'pod'),
          g.signature,
        ]),
      ),
    );
    if (e.moreGroups) out.push(c.dim(`  … and ${plural(e.moreGroups, 'more group')}`));
    out.push('');
  }
  out.push(...problemsSection(r.problems, c), ...unknownSection(r.unknown, c));
  return `${out.join('\n').trimEnd()}\n`;
}

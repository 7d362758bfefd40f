import type { ImageRow, ImagesReport } from '../../ops/images/types.js';
import { colors, columns, heading, type OpsTextOptions, problemsSection, unknownSection } from './text.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

function ecrCells(r: ImageRow): string[] {
  const e = r.ecr;
  if (!e) return [r.allowedRegistry ? 'not the environment ECR' : 'outside registries', '-', '-'];
  if (e.state === 'unknown') return [`unknown (${e.reason})`, '-', '-'];
  if (e.state === 'repository-missing') return ['repository missing', '-', '-'];
  if (e.state === 'tag-missing') return ['tag not found', '-', '-'];
  const pushed = e.pushedAt ? `pushed ${e.pushedAt.slice(0, 10)}` : 'pushed ?';
  const digest = e.digestMatch === false ? ', digest moved' : '';
  const counts = e.scan?.findingCounts ?? {};
  const findings = e.scan ? SEVERITIES.map((s) => `${s[0]}${counts[s] ?? 0}`).join(' ') : 'not scanned';
  return [`${pushed}${digest}${e.tagMutability === 'MUTABLE' ? ', mutable' : ''}`, e.scan?.status ?? '-', findings];
}

/** `slipway images` for a terminal: each running image, who runs it, its ECR side and findings (C/H/M/L), then the problems. */
export function renderImagesTable(r: ImagesReport, opts: OpsTextOptions): string {
  const c = colors(opts);
  const out: string[] = [c.bold(`Images running in environment ${r.environment}`), ''];
  out.push(...heading(c, 'Images', r.images.length, r.unknown.pods));
  if (r.images.length) {
    const head = ['IMAGE', 'PODS', 'WORKLOADS', 'ECR', 'SCAN', 'FINDINGS C/H/M/L'];
    const rows = r.images.map((i) => [
      i.image,
      String(i.pods),
      i.workloads.map((w) => `${w.namespace}/${w.name}`).join(','),
      ...ecrCells(i),
    ]);
    const lines = columns([head, ...rows]);
    out.push(c.dim(lines[0]));
    r.images.forEach((i, n) => {
      const bad =
        (i.ecr?.scan?.findingCounts.CRITICAL ?? 0) > 0 ||
        i.ecr?.state === 'tag-missing' ||
        i.ecr?.state === 'repository-missing';
      out.push(bad ? c.red(lines[n + 1]) : lines[n + 1]);
      if (i.ecr?.scan?.criticalIds.length) out.push(c.dim(`      critical: ${i.ecr.scan.criticalIds.join(', ')}`));
    });
    out.push('');
  }
  out.push(...problemsSection(r.problems, c), ...unknownSection(r.unknown, c));
  return `${out.join('\n').trimEnd()}\n`;
}

import type { DrReport } from '../../ops/dr/report.js';
import { scenarioMarkdown } from '../../ops/runbook/markdown.js';
import { mdTable, PROBLEM_HEAD, problemRows, textTable, unknownLines } from './tables.js';

const BASE_HEAD = ['volume', 'size GiB', 'class', 'status', 'plan (schedule, retention)'];
const RECOVERY_HEAD = ['latest recovery point', 'last restore'];

/** Recovery columns appear when the account's recovery points were read (live). */
function showsRecovery(r: DrReport): boolean {
  return r.coverage.some((c) => c.recoveryRead);
}

function coverageHead(r: DrReport): string[] {
  return showsRecovery(r) ? [...BASE_HEAD, ...RECOVERY_HEAD] : BASE_HEAD;
}

function coverageRows(r: DrReport): string[][] {
  const recovery = showsRecovery(r);
  return r.coverage.map((c) => [
    `${c.namespace}/${c.claim}`,
    String(c.sizeGi),
    c.storageClass ?? '—',
    c.status,
    c.plans.length ? c.plans.map((p) => `${p.name} (${p.schedule}, ${p.retention})`).join('; ') : c.why,
    ...(recovery
      ? [
          c.latestRecoveryPointAgeHours === undefined ? 'none' : `${Math.round(c.latestRecoveryPointAgeHours)}h ago`,
          c.lastRestoreJob ? `${c.lastRestoreJob.status}, ${c.lastRestoreJob.ageDays}d ago` : 'none',
        ]
      : []),
  ]);
}

function summary(r: DrReport): string {
  return `${r.counts.covered} covered, ${r.counts.notCovered} not covered, ${r.counts.unknown} unknown; backups ${r.backup.schedule}, kept ${r.backup.retentionDays} days`;
}

/** The DR report as text for a terminal. */
export function drText(r: DrReport): string {
  const parts = [`dr: ${r.environment} (${r.clusterName}, ${r.region})`, summary(r), ''];
  parts.push('Volumes', r.coverage.length ? textTable(coverageHead(r), coverageRows(r)) : '  none found', '');
  if (r.problems.length) parts.push('Problems', textTable(PROBLEM_HEAD, problemRows(r.problems)), '');
  parts.push('Restore scenarios (slipway dr -o md for the steps):');
  for (const s of r.scenarios) parts.push(`  - ${s.title}${s.gaps.length ? ` (${s.gaps.length} gap(s))` : ''}`);
  const unknown = unknownLines(r.unknown);
  if (unknown.length) parts.push('', 'Not known (static mode or not read):', ...unknown);
  return `${parts.join('\n')}\n`;
}

/** The DR report and every restore scenario as markdown. */
export function drMarkdown(r: DrReport): string {
  const parts = [
    `# Disaster recovery: ${r.environment}`,
    '',
    `Cluster ${r.clusterName} in ${r.region}: ${summary(r)}.`,
    '',
    '## Volumes',
    '',
    r.coverage.length ? mdTable(coverageHead(r), coverageRows(r)) : 'No persistent volumes found.',
  ];
  if (r.problems.length) parts.push('', '## Problems', '', mdTable(PROBLEM_HEAD, problemRows(r.problems)));
  for (const s of r.scenarios) parts.push('', scenarioMarkdown(s));
  const unknown = unknownLines(r.unknown, '- ');
  if (unknown.length) parts.push('', '## Not known', '', ...unknown);
  return `${parts.join('\n')}\n`;
}

import { phasesMarkdown } from '../../ops/runbook/markdown.js';
import type { UpgradePlan } from '../../ops/upgrade/types.js';
import { mdTable, PROBLEM_HEAD, problemRows, textTable, unknownLines } from './tables.js';

const VERSION_HEAD = ['component', 'type', 'from', 'to'];

function versionRows(p: UpgradePlan): string[][] {
  return p.versions.map((v) => [v.component, v.type, v.from, v.to]);
}

const SYNTH_HEAD = ['resource', 'type', 'property', 'from', 'to'];

/** Rows of what `synth` would change, or undefined when it was not computed. */
function synthRows(p: UpgradePlan): string[][] | undefined {
  if (p.synthChanges.state !== 'read') return undefined;
  return p.synthChanges.value.map((c) => [c.resource, c.type, c.property, c.from, c.to]);
}

function verdict(p: UpgradePlan): string {
  return p.blockers
    ? `BLOCKED: ${p.blockers} blocker(s) to fix before upgrading`
    : `ready: no blocker found${Object.keys(p.unknown).length ? ' in what was read' : ''}`;
}

/** The upgrade plan as text for a terminal. */
export function upgradeText(p: UpgradePlan): string {
  const parts = [`upgrade plan: ${p.environment} (${p.clusterName}, ${p.region}) ${p.from} → ${p.to}`, verdict(p), ''];
  parts.push('Problems', p.problems.length ? textTable(PROBLEM_HEAD, problemRows(p.problems)) : '  none', '');
  parts.push('Versions from the lock', textTable(VERSION_HEAD, versionRows(p)), '');
  const synth = synthRows(p);
  if (synth)
    parts.push(`What synth would change at ${p.to}`, synth.length ? textTable(SYNTH_HEAD, synth) : '  nothing', '');
  parts.push('Playbook');
  let n = 0;
  for (const phase of p.phases) {
    parts.push(`  ${phase.name}`);
    for (const a of phase.actions) {
      n++;
      parts.push(`    ${n}. ${a.what}`);
      if (a.command) parts.push(`       $ ${a.command}`);
    }
  }
  const unknown = unknownLines(p.unknown);
  if (unknown.length) parts.push('', 'Not known (static mode or not read):', ...unknown);
  return `${parts.join('\n')}\n`;
}

/** The upgrade plan as a markdown playbook. */
export function upgradeMarkdown(p: UpgradePlan): string {
  const parts = [
    `# Upgrade ${p.clusterName} from ${p.from} to ${p.to}`,
    '',
    `Environment ${p.environment}, region ${p.region}. ${verdict(p)}.`,
    '',
    '## Problems',
    '',
    p.problems.length ? mdTable(PROBLEM_HEAD, problemRows(p.problems)) : 'None found.',
    '',
    '## Versions from the lock',
    '',
    mdTable(VERSION_HEAD, versionRows(p)),
  ];
  const synth = synthRows(p);
  if (synth) {
    parts.push('', `## What synth would change at ${p.to}`, '', synth.length ? mdTable(SYNTH_HEAD, synth) : 'Nothing.');
  }
  parts.push('', phasesMarkdown(p.phases));
  const unknown = unknownLines(p.unknown, '- ');
  if (unknown.length) parts.push('', '## Not known', '', ...unknown);
  return `${parts.join('\n')}\n`;
}

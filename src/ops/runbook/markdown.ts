import type { Scenario } from '../dr/scenarios.js';
import type { PlanPhase } from '../upgrade/types.js';

/** Numbered steps, each with its command in a shell block. */
export function stepsMarkdown(list: readonly { readonly what: string; readonly command?: string }[]): string {
  return list
    .map((s, i) =>
      s.command ? `${i + 1}. ${s.what}\n\n   \`\`\`sh\n   ${s.command}\n   \`\`\`` : `${i + 1}. ${s.what}`,
    )
    .join('\n');
}

/** A restore scenario: its steps and what the environment lacks for it. */
export function scenarioMarkdown(s: Scenario, level = '##'): string {
  const parts = [`${level} ${s.title}`, '', stepsMarkdown(s.steps)];
  if (s.gaps.length) parts.push('', 'Gaps in this environment:', '', ...s.gaps.map((g) => `- ${g}`));
  return parts.join('\n');
}

/** The playbook phases, one heading each. */
export function phasesMarkdown(phases: readonly PlanPhase[], level = '##'): string {
  return phases
    .map((p) => `${level} ${p.name[0].toUpperCase()}${p.name.slice(1)}\n\n${stepsMarkdown(p.actions)}`)
    .join('\n\n');
}

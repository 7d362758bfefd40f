import { THRESHOLDS_ONLY_WAIVERS } from '../config/presets.js';
import { resolveConfig } from '../config/resolve.js';
import type { EnvironmentConfig } from '../config/types.js';
import { CHECKLIST, CHECKLIST_CATEGORIES, checklistItem } from './checklist.js';
import { ruleDocsAnchor } from './docs-anchor.js';
import { PITFALLS } from './pitfalls.js';
import { RULE_CATEGORIES, type Rule } from './types.js';

/** The command that regenerates docs/rules.md. */
export const DOCS_COMMAND = 'npm run docs:rules';
export const DOCS_FILE = 'docs/rules.md';

/** Environments built from the bare `test` and `prod` presets, for showing parameter defaults. */
export function presetEnvironments(): { test: EnvironmentConfig; prod: EnvironmentConfig } {
  const config = resolveConfig({
    project: 'example',
    environments: { test: { preset: 'test' }, prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS] } },
  });
  return { test: config.environments.test, prod: config.environments.prod };
}

const TOOL_NAMES: Record<string, string> = {
  polaris: 'Polaris',
  kubeScore: 'kube-score',
  kubeLinter: 'kube-linter',
  kubescape: 'Kubescape',
  checkov: 'Checkov',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(v: unknown): string {
  return `\`${JSON.stringify(v)}\``;
}

function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ruleLink(id: string): string {
  return `[\`${id}\`](#${ruleDocsAnchor(id)})`;
}

/** Equivalent checks in other tools, as "Tool `id`, `id`; …". */
export function equivalentsText(rule: Rule): string {
  const parts = Object.entries(rule.meta.equivalents)
    .filter(([, ids]) => Array.isArray(ids) && ids.length > 0)
    .map(([tool, ids]) => `${TOOL_NAMES[tool] ?? tool} ${(ids as string[]).map((i) => `\`${i}\``).join(', ')}`);
  return parts.join('; ');
}

function needsText(rule: Rule): string {
  const kube = rule.meta.needs.kube ?? [];
  const aws = rule.meta.needs.aws ?? [];
  const parts: string[] = [];
  if (kube.length > 0) parts.push(`Kubernetes ${kube.join(', ')}`);
  if (aws.length > 0) parts.push(`AWS ${aws.join(', ')}`);
  return parts.join('; ') || 'any Kubernetes object';
}

function ruleSection(rule: Rule, envs: { test: EnvironmentConfig; prod: EnvironmentConfig }): string[] {
  const m = rule.meta;
  const lines = [`### ${m.id}`, '', `**${m.title}**`, '', '| | |', '|---|---|'];
  lines.push(`| Severity | test: ${m.severity.test} · prod: ${m.severity.prod} |`);
  if (m.checklist.length > 0) {
    const items = m.checklist.map((id) => `${checklistItem(id)?.item ?? id} (\`${id}\`)`);
    lines.push(`| Checklist | ${cell(items.join(', '))} |`);
  }
  if (m.pitfall !== undefined) lines.push(`| Pitfall | ${m.pitfall}. ${cell(PITFALLS[m.pitfall] ?? '')} |`);
  lines.push(`| Reads | ${cell(needsText(rule))} |`);
  const eq = equivalentsText(rule);
  if (eq) lines.push(`| Same as | ${cell(eq)} |`);
  lines.push('', `**Why.** ${m.why}`, '', `**How it is verified.** ${m.verified}`, '', `**Fix.** ${m.fix}`, '');
  const test = m.defaults(envs.test) as Record<string, unknown>;
  const prod = m.defaults(envs.prod) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(test), ...Object.keys(prod)])].sort();
  if (keys.length > 0) {
    lines.push('| Parameter | test preset | prod preset |', '|---|---|---|');
    for (const k of keys) lines.push(`| \`${k}\` | ${cell(code(test[k]))} | ${cell(code(prod[k]))} |`);
    lines.push('');
  }
  return lines;
}

/** docs/rules.md: the checklist and pitfall coverage, then every rule with its parameters per preset. */
export function renderRulesMarkdown(
  rules: readonly Rule[],
  envs: { test: EnvironmentConfig; prod: EnvironmentConfig } = presetEnvironments(),
): string {
  const out: string[] = [
    '# Verify rules',
    '',
    `<!-- Generated from src/rules by \`${DOCS_COMMAND}\`; do not edit by hand. -->`,
    '',
    `\`slipway verify\` runs ${rules.length} rules in ${RULE_CATEGORIES.length} categories. Each rule has a severity per environment preset; its thresholds come from the environment's configuration (shown below for the bare test and prod presets) and can be overridden under \`verify.rules.<id>.params\` in slipway.config.yaml. \`slipway rules\` lists them.`,
    '',
    '## Production readiness checklist',
    '',
    '| Category | Item | How it is proven | Rules |',
    '|---|---|---|---|',
  ];
  for (const cat of CHECKLIST_CATEGORIES) {
    for (const item of CHECKLIST.filter((i) => i.category === cat)) {
      const ids = rules.filter((r) => r.meta.checklist.includes(item.id)).map((r) => ruleLink(r.meta.id));
      out.push(`| ${title(cat)} | ${cell(item.item)} | ${cell(item.howVerified)} | ${ids.join(', ')} |`);
    }
  }
  out.push('', '## Common pitfalls', '', '| # | Pitfall | Rules |', '|---|---|---|');
  for (const [n, text] of Object.entries(PITFALLS)) {
    const ids = rules.filter((r) => r.meta.pitfall === Number(n)).map((r) => ruleLink(r.meta.id));
    out.push(`| ${n} | ${cell(text)} | ${ids.join(', ')} |`);
  }
  for (const cat of RULE_CATEGORIES) {
    const list = rules.filter((r) => r.meta.category === cat).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
    if (list.length === 0) continue;
    out.push('', `## ${title(cat)}`, '');
    for (const rule of list) out.push(...ruleSection(rule, envs));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

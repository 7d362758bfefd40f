import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { EXIT, globalOptions, outputFormat, UsageError } from '../context.js';
import { renderData } from '../render.js';

/** `slipway rules`: the verify rules from the registry, as a table, JSON or the Markdown of docs/rules.md. */
export function registerRules(app: CliApp, program: Command): void {
  program
    .command('rules')
    .description('list the verify rules: id, severity per preset, checklist item, pitfall (-o table|json|yaml|md)')
    .option('--category <name>', 'only the rules of one category (infrastructure, security, reliability, …)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ slipway rules\n  $ slipway rules --category security -o json\n  $ slipway rules -o md > rules.md',
    )
    .action(
      app.action(async (opts: { category?: string }, c: Command) => {
        const g = globalOptions(c);
        const format = outputFormat(g, ['table', 'json', 'yaml', 'md'] as const);
        const [{ RULES }, { RULE_CATEGORIES }] = await Promise.all([
          import('../../rules/registry.js'),
          import('../../rules/types.js'),
        ]);
        const categories: readonly string[] = RULE_CATEGORIES;
        if (opts.category !== undefined && !categories.includes(opts.category)) {
          throw new UsageError(
            `--category "${opts.category}" is not a rule category; use one of: ${categories.join(', ')}`,
          );
        }
        const rules = RULES.filter((r) => opts.category === undefined || r.meta.category === opts.category);
        const docs = await import('../../rules/docs.js');
        if (format === 'md') {
          app.io.stdout(docs.renderRulesMarkdown(rules));
          return EXIT.ok;
        }
        if (format === 'json' || format === 'yaml') {
          const envs = docs.presetEnvironments();
          app.io.stdout(
            renderData(
              format,
              rules.map((r) => ({
                id: r.meta.id,
                title: r.meta.title,
                category: r.meta.category,
                checklist: r.meta.checklist,
                pitfall: r.meta.pitfall ?? null,
                severity: r.meta.severity,
                why: r.meta.why,
                verified: r.meta.verified,
                fix: r.meta.fix,
                equivalents: r.meta.equivalents,
                needs: { kube: r.meta.needs.kube ?? [], aws: r.meta.needs.aws ?? [] },
                defaults: { test: r.meta.defaults(envs.test), prod: r.meta.defaults(envs.prod) },
              })),
            ),
          );
          return EXIT.ok;
        }
        const rows = rules.map((r) => [
          r.meta.id,
          `${r.meta.severity.test}/${r.meta.severity.prod}`,
          r.meta.pitfall === undefined ? '' : String(r.meta.pitfall),
          r.meta.checklist.join(', '),
          r.meta.title,
        ]);
        app.io.stdout(columns(['RULE', 'TEST/PROD', 'PITFALL', 'CHECKLIST', 'TITLE'], rows));
        if (!g.quiet) app.io.stdout(`${rules.length} rules; details: slipway rules -o md, or docs/rules.md\n`);
        return EXIT.ok;
      }),
    );
}

/** Plain aligned columns: ids stay whole and greppable (the last column is not padded). */
function columns(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return `${all
    .map((r) =>
      r
        .map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

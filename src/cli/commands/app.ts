import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { EXIT, globalOptions, outputFormat, UsageError, useColor } from '../context.js';
import { loadCliConfig } from '../load-config.js';
import { renderData, renderTable } from '../render.js';

const PATTERNS = ['web', 'stateful', 'worker', 'cron'];
const TIERS = ['frontend', 'backend', 'data', 'workers'];

export function registerApp(app: CliApp, program: Command): void {
  const cmd = program
    .command('app')
    .description('application patterns: add an app to the config, explain which platform components it needs');

  cmd
    .command('new <name>')
    .description('append an app entry (commented starting values) to the config file')
    .requiredOption('-p, --pattern <pattern>', `architecture pattern: ${PATTERNS.join(', ')}`)
    .option('-t, --tier <tier>', `multi-tier namespace: ${TIERS.join(', ')}`)
    .addHelpText(
      'after',
      '\nEdits ./slipway.config.yaml (or --config) in place; every existing line and comment is kept.\n' +
        'Example:\n  $ slipway app new search --pattern web --tier backend',
    )
    .action(
      app.action(async (name: string, opts: { pattern: string; tier?: string }, c: Command) => {
        const g = globalOptions(c);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const { bundledExamplePath, findConfigFile } = await import('../../config/load.js');
        const file = findConfigFile(g.config, app.io.cwd);
        if (file === bundledExamplePath()) {
          throw new UsageError(
            'no slipway.config.yaml in this directory; run `slipway init` first or pass --config PATH (the bundled example is read-only)',
          );
        }
        const { readFile, rename, writeFile } = await import('node:fs/promises');
        const { addAppToConfigText } = await import('../../apps/new-app.js');
        const { parseConfig } = await import('../../config/load.js');
        const before = await readFile(file, 'utf8');
        const after = addAppToConfigText(before, {
          name,
          pattern: opts.pattern as 'web',
          tier: opts.tier,
        });
        parseConfig(after, file); // never write a file that no longer loads
        const tmp = `${file}.slipway-tmp`;
        await writeFile(tmp, after);
        await rename(tmp, file);
        if (format !== 'table') {
          app.io.stdout(renderData(format, { file, app: name, pattern: opts.pattern, tier: opts.tier ?? null }));
        } else if (!g.quiet) {
          app.io.stdout(
            `added ${opts.pattern} app "${name}" to ${file}\n` +
              `next: edit its image and values, then run \`slipway app explain ${name}\` and \`slipway synth\`\n`,
          );
        }
        return EXIT.ok;
      }),
    );

  cmd
    .command('explain <name>')
    .description('which platform components an app needs and why (the component decision matrix)')
    .option('-e, --env <name>', 'environment (default: the first one in the config)')
    .action(
      app.action(async (name: string, opts: { env?: string }, c: Command) => {
        const g = globalOptions(c);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const config = await loadCliConfig(g, app.io);
        const envNames = Object.keys(config.environments);
        const envName = opts.env ?? envNames[0];
        const env = config.environments[envName];
        if (!env) throw new UsageError(`--env "${envName}" is not an environment; defined: ${envNames.join(', ')}`);
        const target = env.apps.find((a) => a.name === name);
        if (!target) {
          const known = env.apps.map((a) => a.name);
          const { closest } = await import('fastest-levenshtein');
          const hint = known.length ? ` (did you mean "${closest(name, known)}"?)` : '';
          throw new UsageError(`no app named "${name}"${hint}; apps: ${known.join(', ') || 'none'}`);
        }
        const { explainApp } = await import('../../apps/explain.js');
        const result = explainApp(target, env);
        if (format !== 'table') {
          app.io.stdout(renderData(format, result));
          return EXIT.ok;
        }
        app.io.stdout(
          `${result.app}: ${result.pattern} app${result.tier ? `, tier ${result.tier}` : ''}, namespace ${result.namespace}, environment ${result.environment}\n`,
        );
        app.io.stdout(
          await renderTable(
            ['component', 'part', 'matrix', 'this app', 'why'],
            result.components.map((r) => [
              r.component,
              r.part,
              r.matrix,
              r.needed ? 'needed' : 'not needed',
              r.warning ? `${r.why} (${r.warning})` : r.why,
            ]),
            { color: useColor(g, app.io) },
          ),
        );
        return EXIT.ok;
      }),
    );
}

import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions, outputFormat, useColor } from '../context.js';
import { loadCliConfig, selectEnvironments } from '../load-config.js';
import { renderJson, renderTable, renderYaml } from '../render.js';

export function registerConfig(app: CliApp, program: Command): void {
  const config = program
    .command('config')
    .description('inspect the configuration: resolved values, environment differences, JSON Schema');

  config
    .command('show')
    .description('every resolved setting of an environment, marked preset / project / environment / default')
    .option('-e, --env <name>', 'environment')
    .action(
      app.action(async (opts: { env?: string }, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const cfg = await loadCliConfig(g, app.io);
        const [env] = selectEnvironments(cfg, opts.env);
        const { showEnvironment } = await import('../../config/compare.js');
        const rows = showEnvironment(cfg, env);
        if (format !== 'table') {
          const data = { environment: env, file: cfg.file, settings: rows };
          app.io.stdout(format === 'json' ? renderJson(data) : renderYaml(data));
          return 0;
        }
        const color = useColor(g, app.io);
        app.io.stdout(`Environment ${env} (preset ${cfg.environments[env].preset}) from ${cfg.file}\n`);
        app.io.stdout(
          await renderTable(
            ['setting', 'value', 'from'],
            rows.map((r) => [r.setting, r.value, r.origin]),
            { color, width: app.io.columns },
          ),
        );
        return 0;
      }),
    );

  config
    .command('diff <a> <b>')
    .description('compare two environments: the test-vs-production table, rendered from your config')
    .addHelpText('after', '\nExample:\n  $ slipway config diff test prod')
    .action(
      app.action(async (a: string, b: string, _opts: unknown, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const cfg = await loadCliConfig(g, app.io);
        selectEnvironments(cfg, a);
        selectEnvironments(cfg, b);
        const { diffEnvironments } = await import('../../config/compare.js');
        const diff = diffEnvironments(cfg, a, b);
        if (format !== 'table') {
          app.io.stdout(format === 'json' ? renderJson(diff) : renderYaml(diff));
          return 0;
        }
        const color = useColor(g, app.io);
        app.io.stdout(
          await renderTable(
            ['setting', a, b],
            diff.summary.map((r) => [r.setting, ...r.values]),
            { color, width: app.io.columns },
          ),
        );
        if (diff.otherDifferences.length) {
          app.io.stdout(`\nOther settings that differ (${diff.otherDifferences.length}):\n`);
          app.io.stdout(
            await renderTable(
              ['setting', a, b],
              diff.otherDifferences.map((r) => [r.setting, ...r.values]),
              { color, width: app.io.columns },
            ),
          );
        }
        return 0;
      }),
    );

  config
    .command('schema')
    .description('print the JSON Schema of slipway.config.yaml (for editors: # yaml-language-server: $schema=…)')
    .action(
      app.action(async () => {
        const { configJsonSchema } = await import('../../config/json-schema.js');
        app.io.stdout(renderJson(configJsonSchema()));
        return 0;
      }),
    );
}

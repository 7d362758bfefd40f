import { relative } from 'node:path';
import type { Command } from 'commander';
import { PLACEHOLDER_ACCOUNT } from '../../config/presets.js';
import type { Synthesizer } from '../../platform/synth.js';
import { checkOutputDir, OutputPathError } from '../../util/owned-output.js';
import type { CliApp } from '../app.js';
import { EXIT, globalOptions, outputFormat, UsageError, useColor } from '../context.js';
import { loadCliConfig, selectEnvironments } from '../load-config.js';
import { createProgress } from '../progress.js';
import { renderData, renderTable } from '../render.js';

/**
 * Everything `slipway synth` writes, in order. Each entry loads its module
 * lazily and writes `<out>/<env>/<part>/`. To add a part, append one line here
 * that loads its Synthesizer.
 */
const SYNTHESIZERS = [
  async () => (await import('../../platform/synthesizer.js')).platformSynthesizer,
  async () => (await import('../../apps/synthesizer.js')).appsSynthesizer,
];

interface SynthOptions {
  env?: string;
  all?: boolean;
  out: string;
  validate?: boolean;
  assembly?: boolean;
}

export function registerSynth(app: CliApp, program: Command): void {
  program
    .command('synth')
    .description('Write CloudFormation templates (and app manifests) per environment, offline and reproducibly.')
    .option('-e, --env <name>', 'environment to synthesize')
    .option('--all', 'every environment in the config')
    .option('--out <dir>', 'output directory; files go to <dir>/<env>/<part>/', 'out')
    .option('--validate', 'also run the CDK CloudFormation template validation (slower)')
    .option('--assembly', 'also write the cloud assembly with its assets to <dir>/<env>/cdk.out, for cdk deploy --app')
    .addHelpText(
      'after',
      '\nNo AWS credentials or network are used; running it twice gives byte-identical files.\n' +
        'Example: slipway synth --all --out out   # out/test/platform/*.template.json, out/prod/...',
    )
    .action(
      app.action(async (opts: SynthOptions, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = outputFormat(g, ['table', 'json', 'yaml'] as const);
        const config = await loadCliConfig(g, app.io);
        const envs = selectEnvironments(config, opts.env, opts.all);
        const outdir = outputDir(opts.out, app.io.cwd);
        const synthOptions = { outdir, validate: Boolean(opts.validate), assembly: Boolean(opts.assembly) };
        // A synthesizer with `prepare` sees the whole run first: the platform synthesizes every environment
        // it needs at once and checks, across all of the config's environments, that those deployed side by
        // side do not ask for the same named resources, before anything is written.
        const run = {
          environments: Object.values(config.environments),
          selected: envs.map((n) => config.environments[n]),
        };
        const data: Record<string, Record<string, unknown>> = {};
        const rows: string[][] = [];
        const notes = new Set<string>();
        const progress = await createProgress({ stream: app.io.stderrStream, env: app.io.env, quiet: g.quiet });
        progress.start('synthesizing', envs.length);
        try {
          const synthesizers: Synthesizer[] = [];
          for (const load of SYNTHESIZERS) {
            const s = await load();
            synthesizers.push(s.prepare ? await s.prepare(run, synthOptions) : s);
          }
          for (const name of envs) {
            progress.tick(0, name);
            if (!config.environments[name].account) {
              app.io.stderr(
                `warning: environments.${name}: no account setting; the platform stack is account-agnostic ` +
                  `(AWS::AccountId of wherever it is deployed) and the apps' image names and role ARNs use the placeholder account ` +
                  `${PLACEHOLDER_ACCOUNT}. Set account: "<12-digit id>" in the config before deploying (deploy refuses without it)\n`,
              );
            }
            data[name] = {};
            for (const s of synthesizers) {
              const part = await s.synthesize(config.environments[name], synthOptions);
              data[name][part.part] = part.data;
              for (const r of part.rows) rows.push([name, part.part, r.component, String(r.resources), r.detail]);
              for (const n of (part as { notes?: readonly string[] }).notes ?? []) notes.add(n);
              if (!g.quiet && format === 'table') {
                for (const f of part.files) app.io.stderr(`wrote ${shortPath(app.io.cwd, f)}\n`);
              }
            }
            progress.tick(1);
          }
        } finally {
          progress.stop();
        }
        // Advice (such as the stateful managed-service table) once per run, not per environment.
        if (!g.quiet && format === 'table') for (const n of notes) app.io.stderr(`note: ${n}\n`);
        if (format !== 'table') {
          app.io.stdout(renderData(format, relativize(data, app.io.cwd, outdir)));
        } else {
          app.io.stdout(
            await renderTable(['env', 'part', 'component', 'resources', 'settings'], rows, {
              color: useColor(g, app.io),
            }),
          );
        }
        return EXIT.ok;
      }),
    );
}

/** Absolute paths under the output directory are printed relative to the working directory. */
function relativize(value: unknown, cwd: string, outdir: string): unknown {
  if (typeof value === 'string') return value.startsWith(outdir) ? shortPath(cwd, value) : value;
  if (Array.isArray(value)) return value.map((v) => relativize(v, cwd, outdir));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativize(v, cwd, outdir)]));
  }
  return value;
}

function shortPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

/** The resolved --out folder; an empty path or a file-system root is a usage error. */
function outputDir(out: string, cwd: string): string {
  try {
    return checkOutputDir(out, cwd);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
}

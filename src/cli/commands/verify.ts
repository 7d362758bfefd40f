import type { Command } from 'commander';
import type { EnvironmentConfig, SlipwayConfig } from '../../config/types.js';
import { DEFAULT_MAX_FINDINGS } from '../../report/table-findings.js';
import type { VerifyReport } from '../../rules/engine/types.js';
import { readLimited } from '../../util/text-file.js';
import type { NothingToVerify } from '../../verify/run-verify.js';
import type { VerifySource } from '../../verify/sources.js';
import type { CliApp } from '../app.js';
import { type CliIO, type GlobalOptions, globalOptions, UsageError, useColor } from '../context.js';
import { noticeBundledExample, selectEnvironments } from '../load-config.js';
import {
  addFleetOptions,
  checkFleetOptions,
  FLEET_HELP,
  type FleetVerifyFlags,
  isFleet,
  runFleetFromFlags,
} from '../verify-fleet.js';
import {
  addLiveOptions,
  checkLiveOptions,
  isLiveOrDump,
  LIVE_HELP,
  type LiveVerifyOptions,
  liveOrDumpSource,
} from '../verify-live.js';

const FORMATS = ['table', 'json', 'yaml', 'sarif', 'junit', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['unknown', 'info', 'low', 'medium', 'high', 'critical'] as const;

interface VerifyOptions {
  env?: string;
  include?: string[];
  exclude?: string[];
  failOn?: string;
  outputFile?: string;
  reportFile?: string[];
  maxFileSize?: string;
  maxFindings?: string;
  showWaivers?: boolean;
  sarifUnknowns?: boolean;
}

/** A CliIO that may also offer standard input (tests pass it; the real CLI reads process.stdin). */
type StdinIO = CliIO & { readonly readStdin?: (maxBytes: number) => Promise<Uint8Array | string> };

const HELP = `
With PATHs, verifies those files (directories recursively: .yaml, .yml, .json; "-" reads stdin):
Kubernetes manifests, multi-document YAML, kind: List, helm template / kustomize build output,
and CloudFormation templates (slipway synth output or any template). Thresholds come from
--env of the config when one is found (--config or ./slipway.config.yaml), else from the prod preset.
Without PATHs, synthesizes the configured platform and apps in memory and verifies them,
for --env or every environment.

Suppress a finding on an object or its pod template with an annotation:
  slipway.io/ignore.<rule-id>: "<reason>; expires=YYYY-MM-DD"
  slipway.io/ignore.<rule-id>.<container>: "<reason>"
or with verify.exemptions in the config. Unused and expired ones are reported.

Examples:
  $ slipway verify k8s/ -o sarif --output-file verify.sarif
  $ helm template my-chart | slipway verify - --env prod
  $ slipway verify --env prod --fail-on medium
  $ slipway verify --env prod -o sarif --output-file verify.sarif --report-file out/report.html

--fail-on unknown is the strictest level: any failure, and any result the inputs could not
prove, fails the run. The summary counts the checklist items proved, failed, unknown and not
applicable. Inputs that hold nothing of the kinds the selected rules read end the run with
"nothing to verify" (exit 1): an empty directory, a wrong path, an empty namespace.

Exit codes: 0 clean, 1 usage or input error or nothing to verify, 2 failures at or above --fail-on
(default: verify.failOn, high).`;

export function registerVerify(app: CliApp, program: Command): void {
  addFleetOptions(
    addLiveOptions(
      program
        .command('verify [paths...]')
        .description(
          'check the production-readiness checklist over manifests, templates, the synthesized config or a live cluster',
        )
        .option('-e, --env <name>', 'environment whose thresholds apply (default: every environment)')
        .option('--include <rules>', 'only rules matching these ids or globs (comma-separated, repeatable)', collect)
        .option(
          '--exclude <rules>',
          'leave out rules matching these ids or globs (comma-separated, repeatable)',
          collect,
        )
        .option('--fail-on <severity>', `lowest severity that fails the run: ${FAIL_ON.join(', ')}`)
        .option('--output-file <file>', 'write the report to a file instead of stdout')
        .option(
          '--report-file <file>',
          'also write the report to this file, in the format its extension picks: .html, .json, .yaml, .sarif, .xml (junit), .md, .txt (table); repeatable',
          collectPaths,
        )
        .option('--max-file-size <MiB>', 'largest input file read, in MiB', '64')
        .option(
          '--max-findings <n>',
          `findings the table lists one by one after the counts by rule (0: all; json, sarif and junit list all)`,
          String(DEFAULT_MAX_FINDINGS),
        )
        .option('--show-waivers', 'list the waivers, exemptions and suppressions in effect, and what each set aside')
        .option(
          '--sarif-unknowns',
          'SARIF: also list unknown results that have no file (left out unless asked for or --fail-on unknown)',
        ),
    ),
  )
    .addHelpText('after', HELP + LIVE_HELP + FLEET_HELP)
    .action(
      app.action(async (paths: string[], opts: VerifyOptions & LiveVerifyOptions & FleetVerifyFlags, cmd: Command) => {
        const g = globalOptions(cmd);
        const format = g.output as Format;
        if (!FORMATS.includes(format)) {
          throw new UsageError(`--output "${g.output}" is not supported by verify; use one of: ${FORMATS.join(', ')}`);
        }
        if (opts.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(opts.failOn)) {
          throw new UsageError(`--fail-on "${opts.failOn}" is not a severity; use one of: ${FAIL_ON.join(', ')}`);
        }
        const maxMiB = Number(opts.maxFileSize);
        if (!Number.isFinite(maxMiB) || maxMiB <= 0) {
          throw new UsageError(`--max-file-size "${opts.maxFileSize}" is not a positive number of MiB`);
        }
        const maxFindings = Number(opts.maxFindings);
        if (!Number.isInteger(maxFindings) || maxFindings < 0) {
          throw new UsageError(`--max-findings "${opts.maxFindings}" is not a whole number of findings (0 shows all)`);
        }
        checkLiveOptions(opts, paths);
        checkFleetOptions(opts);
        const fleet = isFleet(opts);
        const { reportFormatOfFile, writeReportFile } = await import('../../report/index.js');
        const reportFiles = (opts.reportFile ?? []).map((file) => ({ file, format: reportFormatOfFile(file) }));
        const io = app.io as StdinIO;
        const { loadRules } = await import('../../rules/engine/load-rules.js');
        const rules = await loadRules();
        if (rules.length === 0 && !g.quiet) io.stderr('warning: no rules are registered; only inputs are checked\n');

        const { config, thresholds } = await verifyConfig(g, io, paths.length > 0);
        if (!g.quiet) for (const w of config.warnings) io.stderr(`warning: ${w}\n`);
        if (fleet && opts.env) selectEnvironments(config, opts.env);
        const timings = new Map<string, number>();
        const judging = {
          rules,
          include: opts.include,
          exclude: opts.exclude,
          failOn: opts.failOn as (typeof FAIL_ON)[number] | undefined,
          thresholds,
          timings,
        };
        let run: { reports: VerifyReport[]; nothingToVerify: NothingToVerify[] };
        let exitCode: number;
        if (fleet) {
          const { fleetExitCode } = await import('../../verify/run-fleet-verify.js');
          const fleetRun = await runFleetFromFlags(config, opts, io, g.quiet, judging);
          run = fleetRun;
          exitCode = fleetExitCode(fleetRun);
        } else {
          const envNames =
            opts.env || isLiveOrDump(opts) ? selectEnvironments(config, opts.env) : Object.keys(config.environments);
          const { source, done } = sourceOf(paths, opts, {
            io,
            env: config.environments[envNames[0]],
            quiet: g.quiet,
            maxFileBytes: Math.floor(maxMiB * 1024 * 1024),
            announceSynth: !g.quiet && format === 'table',
          });
          const { runVerify, verifyExitCode } = await import('../../verify/run-verify.js');
          // Files, synth output and dumps are one batch over many objects: the CLI's process tiers V8 for that
          // (src/cli/batch-tiering.ts). The library never sets process flags; live verify waits on the network.
          if (source.kind !== 'live') (await import('../batch-tiering.js')).useBatchTiering();
          const one = await runVerify({ config, environments: envNames, source, ...judging }).finally(done);
          run = one;
          exitCode = verifyExitCode(one);
        }
        const { reports } = run;

        const where = describeSearch(paths, opts, config.file);
        const { renderReports } = await import('../../report/index.js');
        const { packageVersion } = await import('../version.js');
        const renderOptions = {
          color: !opts.outputFile && useColor(g, io),
          toolVersion: packageVersion(),
          width: opts.outputFile ? undefined : io.columns,
          maxFindings,
          quiet: g.quiet,
          srcRoot: io.cwd,
          timings,
          unlocatedUnknowns: opts.sarifUnknowns,
        };
        // A JSON report is written in chunks of about 1 MB: a large one (tens of MB for a big cluster) is then
        // never held as one string, nor as one UTF-8 copy of it while it is written.
        const chunked = format === 'json' && !opts.showWaivers;
        const text = chunked
          ? undefined
          : opts.showWaivers
            ? (await import('../../report/waivers.js')).renderWaivers(reports, format)
            : await renderReports(format, reports, renderOptions);
        const output = async (): Promise<Iterable<string>> =>
          text === undefined
            ? (await import('../../report/json.js')).renderJsonReportChunks(reports)
            : [text.endsWith('\n') ? text : `${text}\n`];
        const { resolve } = await import('node:path');
        for (const { file, format: fileFormat } of reportFiles) {
          await writeReportFile(resolve(io.cwd, file), reports, renderOptions, fileFormat);
          if (!g.quiet) io.stderr(`${fileFormat} report written to ${file}\n`);
        }
        const { writeChunks, writeFileChunks } = await import('../../util/write-chunks.js');
        if (opts.outputFile) {
          await writeFileChunks(resolve(io.cwd, opts.outputFile), await output());
          if (!g.quiet) {
            for (const r of reports) {
              io.stderr(
                `${r.target ? `context ${r.target.context} (${r.environment.name})` : r.environment.name}: ${r.summary.result.toUpperCase()} (${r.summary.counts.fail} failed, ${r.summary.counts.unknown} unknown, ${r.summary.counts.warn} warnings; score ${r.summary.score.overall ?? '—'}); report written to ${opts.outputFile}\n`,
              );
            }
          }
        } else if (io.stdoutStream) {
          // As the reader takes it: a slow pipe holds the process to one chunk beyond its buffer, not the report.
          await writeChunks(io.stdoutStream, await output());
        } else {
          for (const chunk of await output()) io.stdout(chunk);
        }
        for (const e of run.nothingToVerify) {
          io.stderr(`error: ${e.environment}: nothing to verify in ${where}: ${e.reason}\n`);
        }
        return exitCode;
      }),
    );
}

/** The source of a run over one cluster, a dump, files or the synthesized config. */
function sourceOf(
  paths: readonly string[],
  opts: LiveVerifyOptions,
  ctx: { io: StdinIO; env: EnvironmentConfig; quiet: boolean; maxFileBytes: number; announceSynth: boolean },
): { source: VerifySource; done: () => void } {
  const { io } = ctx;
  if (paths.length) {
    return {
      source: {
        kind: 'files',
        paths,
        cwd: io.cwd,
        maxFileBytes: ctx.maxFileBytes,
        readStdin: io.readStdin ?? readProcessStdin,
      },
      done: () => {},
    };
  }
  if (isLiveOrDump(opts)) return liveOrDumpSource(ctx.env, opts, io, ctx.quiet);
  const source: VerifySource = {
    kind: 'synth',
    cwd: io.cwd,
    onEnvironment: (name) => {
      if (ctx.announceSynth) io.stderr(`synthesizing ${name} in memory…\n`);
    },
  };
  return { source, done: () => {} };
}

/** Where the inputs were looked for, for "nothing to verify". */
function describeSearch(paths: readonly string[], opts: LiveVerifyOptions, configFile: string | undefined): string {
  if (paths.length) return paths.map((p) => (p === '-' ? 'standard input' : p)).join(', ');
  if (opts.fromDump) return `the dump ${opts.fromDump}`;
  if (opts.live) {
    const ns = opts.namespace ? `namespace ${opts.namespace}` : 'all namespaces';
    return `the live cluster (${opts.context ? `context ${opts.context}` : 'current context'}, ${ns})`;
  }
  return `the synthesized config ${configFile ?? '(bundled example)'}`;
}

/** Repeated file options, each one path (a path may hold a comma). */
function collectPaths(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function collect(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...(previous ?? []), ...items];
}

/**
 * The config verify judges against. Without paths it is the project's config
 * (or the bundled example). With paths, a config is used only when one is
 * named or sits in the working directory; otherwise the prod preset's thresholds apply.
 */
async function verifyConfig(
  globals: GlobalOptions,
  io: CliIO,
  withPaths: boolean,
): Promise<{ config: SlipwayConfig; thresholds: 'config' | 'default-prod-preset' }> {
  const { defineConfig, findConfigFile, loadConfig, DEFAULT_CONFIG_FILE } = await import('../../config/load.js');
  const { THRESHOLDS_ONLY_WAIVERS } = await import('../../config/presets.js');
  const explicit = globals.config;
  if (withPaths && !explicit) {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    if (!existsSync(join(io.cwd, DEFAULT_CONFIG_FILE))) {
      return {
        config: defineConfig({
          project: 'adhoc',
          environments: { prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS] } },
        }),
        thresholds: 'default-prod-preset',
      };
    }
  }
  const file = findConfigFile(explicit, io.cwd);
  await noticeBundledExample(file, globals, io);
  return { config: await loadConfig(file), thresholds: 'config' };
}

/** Standard input, stopping once it passes the input size limit. */
function readProcessStdin(maxBytes: number): Promise<Uint8Array> {
  return readLimited(process.stdin, maxBytes, '<stdin>');
}

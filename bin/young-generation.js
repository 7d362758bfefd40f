import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * The young generation's largest semi-space, in MiB, that a large verify or a synth runs with: Node 20's
 * own (V8 11 on 64-bit). Node 22 and 24 size it from the machine's memory, up to 64 MiB, which a run that
 * keeps nearly everything it parses (an inventory of thousands of objects, a CDK construct tree) pays for
 * in copying: on Node 24, 16 MiB made a 20,000-object verify 14 % faster and 75 MB smaller, and synth --all
 * 13 % faster (BENCHMARKS.md, "Young generation"). V8 reads the size only when the process starts, so the
 * CLI re-runs itself with it.
 */
export const SEMI_SPACE_MB = 16;

/** Below this much input, a verify of files is not worth a second process start. */
export const LARGE_INPUT_BYTES = 4 * 1024 * 1024;

/** Set in the re-run process (and by anyone who wants Node's own sizing): never re-run. */
export const NO_RELAUNCH = 'SLIPWAY_NO_RELAUNCH';

const SIZE_FLAG = /^--(max|min)-semi-space-size|^--max-young-generation-size|^--semi-space-growth-factor/;
const LIVE = new Set(['--live', '--all-contexts']);

/**
 * The V8 flags the CLI re-runs itself with for `argv` (process.argv), or none: only on Node 22 and later,
 * only for `synth` and for a `verify` of a cluster, a folder (a dump folder too) or files of 4 MiB or more (a one-file
 * verify starts once), and never when the young generation is already sized on the command line or in
 * NODE_OPTIONS, or when $SLIPWAY_NO_RELAUNCH is set.
 */
export function youngGenerationFlags(argv, opts = {}) {
  const nodeVersion = opts.nodeVersion ?? process.versions.node;
  const env = opts.env ?? process.env;
  const execArgv = opts.execArgv ?? process.execArgv;
  const cwd = opts.cwd ?? process.cwd();
  const stat = opts.stat ?? ((p) => statSync(p, { throwIfNoEntry: false }));
  if (Number(nodeVersion.split('.')[0]) < 22 || env[NO_RELAUNCH]) return [];
  if ([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => SIZE_FLAG.test(a))) return [];
  const args = argv.slice(2);
  if (args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V')) return [];
  const at = args.findIndex((a) => a === 'synth' || a === 'verify');
  if (at === -1) return [];
  const flags = [`--max-semi-space-size=${SEMI_SPACE_MB}`];
  if (args[at] === 'synth') return flags;
  let bytes = 0;
  for (const a of args.slice(at + 1)) {
    if (LIVE.has(a.split('=')[0])) return flags;
    if (a.startsWith('-')) continue;
    // Option values (`--env prod`) are looked up too; a name that is no file counts for nothing.
    const st = stat(isAbsolute(a) ? a : join(cwd, a));
    if (st?.isDirectory()) return flags;
    if (st?.isFile()) bytes += st.size;
  }
  return bytes >= LARGE_INPUT_BYTES ? flags : [];
}

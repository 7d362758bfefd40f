import { existsSync, mkdirSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NO_RELAUNCH, youngGenerationFlags } from './young-generation.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The CLI's entry module: the bundled entry (dist/bundle/slipway.js, what the
 * published package ships and runs), else the tsc build (dist/cli/main.js),
 * else, in a source checkout that has not been built, src/ through tsx (a
 * devDependency), so `npm ci && npx slipway verify` works without a build step.
 */
async function loadMain(argv) {
  const bundle = join(root, 'dist', 'bundle', 'slipway.js');
  if (existsSync(bundle)) {
    // The bundle's stack traces name its chunks; under --verbose, map them back to src/ when the maps are there
    // (a source checkout; the package ships no maps).
    if (argv.includes('--verbose') && existsSync(`${bundle}.map`)) process.setSourceMapsEnabled?.(true);
    return import(pathToFileURL(bundle).href);
  }
  const built = join(root, 'dist', 'cli', 'main.js');
  if (existsSync(built)) return import(pathToFileURL(built).href);
  const source = join(root, 'src', 'cli', 'main.ts');
  if (!existsSync(source)) throw new Error(`neither ${built} nor ${source} exists; reinstall slipway`);
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    throw new Error(`${built} is missing and tsx is not installed to run from src/: run \`npm run build\` in ${root}`);
  }
  tsx.register();
  return import(pathToFileURL(source).href);
}

/**
 * Node 22.1+ keeps V8's compiled code of the modules a command loads (the bundle, aws-cdk-lib, cdk8s…) between
 * runs: ~30 ms less per start, ~0.25 s per synth on Node 24. The cache is the user's own folder,
 * $XDG_CACHE_HOME/slipway or ~/.cache/slipway (mode 700), rather than Node's default in the OS temp dir, which
 * a reboot may clear and which, on a machine with several users, belongs to whoever ran Node first (Node then
 * skips the cache without a word). $NODE_COMPILE_CACHE moves it; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 * Node 20 has no such cache; there this does nothing. The only place the CLI enables it.
 */
function enableCompileCache(env) {
  if (!module.enableCompileCache || env.NODE_DISABLE_COMPILE_CACHE) return;
  let dir = env.NODE_COMPILE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'slipway');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    dir = undefined; // an unwritable home: Node's default folder
  }
  module.enableCompileCache(dir);
}

/**
 * Runs this same command again in a child process with `flags` added to Node's own, passing the terminal,
 * the exit code and signals through (see young-generation.js for why). If the child cannot be started,
 * the command runs here instead.
 */
async function relaunch(flags, name, fallback) {
  // Loaded here: most commands start once and never need it.
  const { spawn } = await import('node:child_process');
  if (process.argv.includes('--verbose'))
    process.stderr.write(`${name}: re-running under ${flags.join(' ')} (Node ${process.versions.node})\n`);
  const child = spawn(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [NO_RELAUNCH]: '1' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  // Ctrl-C reaches both processes; the parent only passes on what is sent to it alone (kill, a supervisor).
  const forward = (signal) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  child.on('error', () => {
    for (const s of signals) process.off(s, forward);
    fallback();
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

/** Runs the CLI under a program name (`slipway`, or `kubectl slipway` for the kubectl plugin). */
export function launch(name) {
  enableCompileCache(process.env);
  const flags = youngGenerationFlags(process.argv);
  if (flags.length) {
    relaunch(flags, name, () => run(name)).catch(() => run(name));
    return;
  }
  run(name);
}

function run(name) {
  // `slipway … | head` closes the pipe early: stop quietly instead of crashing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  loadMain(process.argv)
    .then(({ main }) => main(process.argv, undefined, name))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`${name}: unexpected error: ${error?.stack ?? error}\n`);
        process.exitCode = 1;
      },
    );
}

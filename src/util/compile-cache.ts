import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/** What the compile cache did in this process (for tests and benchmarks). */
export interface CompileCacheStats {
  readonly dir: string;
  /** Modules whose compiled code came from the cache. */
  fromCache: number;
  /** Modules compiled from source (their code is written to the cache at exit). */
  compiled: number;
}

type Compile = (this: NodeModule, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
  _cache: Record<string, NodeModule>;
  _extensions: Record<string, unknown>;
}

let active: CompileCacheStats | undefined;

/** `$SLIPWAY_COMPILE_CACHE`, else `$XDG_CACHE_HOME/slipway` (or ~/.cache/slipway), one folder per Node version. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SLIPWAY_COMPILE_CACHE === 'off') return undefined;
  const base = env.SLIPWAY_COMPILE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'slipway');
  return join(base, `v8-${process.version}-${process.arch}`);
}

/**
 * Keeps V8's compiled code of the CommonJS modules under node_modules between runs, so a command that
 * loads aws-cdk-lib (a few hundred files) does not compile them again each time. Node 22.1 and later do
 * this themselves (module.enableCompileCache); on Node 20 the module loader's compile step is wrapped:
 * a module's code is looked up by file, size and modification time, V8 checks the cached code against the
 * source and compiles afresh when it does not fit, and new code is written when the process exits. The
 * folder is the user's own (mode 700). Calling it again returns the same stats. Returns undefined when
 * `SLIPWAY_COMPILE_CACHE=off`.
 */
export function enableCompileCache(dir = compileCacheDir()): CompileCacheStats | undefined {
  if (active || !dir) return active;
  const builtIn = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  active = { dir, fromCache: 0, compiled: 0 };
  if (builtIn) {
    builtIn(dir);
    return active;
  }
  const stats = active;
  const internals = Module as unknown as ModuleInternals;
  const original = internals.prototype._compile;
  const pending: { file: string; script: vm.Script }[] = [];
  const marker = `${sep}node_modules${sep}`;
  internals.prototype._compile = function (content, filename) {
    if (!filename.includes(marker) || content.startsWith('#!')) return original.call(this, content, filename);
    const { size, mtimeMs } = statSync(filename);
    const file = join(dir, `${filename.replaceAll(/[^\w.-]+/g, '_')}.${size}.${Math.trunc(mtimeMs)}`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(internals.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData && !script.cachedDataRejected) stats.fromCache++;
    else {
      stats.compiled++;
      pending.push({ file, script });
    }
    const body = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return body.call(this.exports, this.exports, requireFor(this, internals), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { file, script } of pending) {
      try {
        writeFileSync(`${file}.${process.pid}`, script.createCachedData(), { mode: 0o600 });
        renameSync(`${file}.${process.pid}`, file);
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
    }
  });
  return active;
}

/** The `require` a module's code is handed, as Node makes it. */
function requireFor(mod: NodeModule, internals: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) =>
    internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = createRequire(import.meta.url).main;
  require.cache = internals._cache;
  require.extensions = internals._extensions as NodeJS.RequireExtensions;
  return require;
}

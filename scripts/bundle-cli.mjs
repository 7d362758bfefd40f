// Builds the bundled CLI entry, dist/bundle/slipway.js, from src/cli/main.ts (run by `npm run build` after tsc).
//
// An entry of 11 chunks for `--help` and ~60 for a one-file verify, instead of 50 and ~340 ES modules: our code and the small pure-JS packages it uses
// are bundled; every other package stays an import resolved from node_modules at run time (the heavy ones,
// and those that read files beside themselves). Dynamic imports stay dynamic: with splitting on, each lazily
// loaded command becomes a chunk of its own, so `--help` still loads no zod and no yaml.
//
// The output directory sits two levels under the package root, as dist/<folder>/ and src/<folder>/ do, so
// src/util/package-root.ts finds examples/ and package.json from any of them.

import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = join(root, 'dist', 'bundle');

/**
 * Packages bundled when our code imports them: small, pure JavaScript, reading no files of their own.
 * Whatever they import is bundled with them. Anything else our code imports stays external.
 */
const BUNDLED = new Set(['cli-table3', 'commander', 'fastest-levenshtein', 'js-yaml', 'picocolors', 'yaml', 'zod']);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The names a CommonJS package exports, or undefined for an ES module package (Node 20 cannot require one). */
function commonJsExports(specifier, resolveDir) {
  try {
    const exported = createRequire(join(resolveDir, 'noop.js'))(specifier);
    return Object.keys(exported).filter(
      (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && name !== '__esModule',
    );
  } catch (e) {
    if (e.code === 'ERR_REQUIRE_ESM') return undefined;
    throw e;
  }
}

const onlySmallPackages = {
  name: 'only-small-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // Imported by a package that is itself bundled: bundle it too.
      if (args.importer.includes(`${'/'}node_modules${'/'}`)) return undefined;
      if (!BUNDLED.has(packageOf(args.path))) return { external: true };
      // `await import('yaml')` of a CommonJS package: a split chunk would export only `default`, where Node
      // gives named exports too. A small module in between exports them by name, as Node does (the names are
      // read by loading the package here, at build time).
      if (args.kind === 'dynamic-import') {
        const names = commonJsExports(args.path, args.resolveDir);
        if (names) return { path: args.path, namespace: 'commonjs-named', pluginData: { names, dir: args.resolveDir } };
      }
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'commonjs-named' }, (args) => ({
      resolveDir: args.pluginData.dir,
      loader: 'js',
      contents: [
        // require(), not an import: `default` is module.exports as Node gives it, __esModule flag or not.
        `const m = require(${JSON.stringify(args.path)});`,
        'export default m;',
        ...args.pluginData.names.map((name) => `export const ${name} = m.${name};`),
      ].join('\n'),
    }));
  },
};

/**
 * `import { z } from 'zod'` makes esbuild build zod's whole `z` namespace object, every locale included
 * (~370 kB of the ~750 kB); `import * as z from 'zod'` (the form zod documents) gives the same `z.…` functions and
 * lets it keep only what is used. Our sources are read with that one import line rewritten.
 */
const zodNamespaceImport = {
  name: 'zod-namespace-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

// Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
const banner = [
  "import { createRequire as __slipwayCreateRequire } from 'node:module';",
  'const require = __slipwayCreateRequire(import.meta.url);',
].join('\n');

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { slipway: 'src/cli/main.ts' },
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // A linked map beside each chunk (not shipped, like dist's other maps); bin/launch.js turns source maps on
  // under --verbose, so stack traces then name src/ files and lines.
  sourcemap: 'linked',
  sourcesContent: false,
  banner: { js: banner },
  plugins: [onlySmallPackages, zodNamespaceImport],
  metafile: true,
  logLevel: 'warning',
  // Minified: a one-file verify compiles ~1.5 MB of JavaScript, and minifying it saves ~20 ms there (keepNames
  // would cost ~35 ms). Stack traces name src/ files through the maps (bin/launch.js, --verbose).
  minify: true,
});
// Which inputs went into which chunk: test/cli/binary.test.ts reads it to prove what `--help` loads. Not shipped.
writeFileSync(join(BUNDLE_DIR, 'metafile.json'), JSON.stringify(result.metafile));
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`bundled the CLI into ${outputs.length} files under ${BUNDLE_DIR}`);

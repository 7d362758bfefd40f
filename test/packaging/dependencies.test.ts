import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION_LOCK } from '../../src/platform/versions.js';
import { ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** The package of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every package the built code imports, statically or with a literal dynamic import, or requires by a literal name (also through createRequire). */
function importedPackages(files: readonly string[]): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    // A package loaded on first use: createRequire(import.meta.url)('croner').
    /\bcreateRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        if (!m[1].startsWith('.') && !m[1].startsWith('node:')) found.add(packageOf(m[1]));
      }
    }
  }
  return found;
}

describe('the runtime dependencies', () => {
  beforeAll(() => {
    ensureBuiltCli();
  });

  it('are exactly the packages the built code imports, plus the kubectl layers the version lock names', () => {
    // The bundled CLI (dist/bundle) is built from the same sources, so the tsc build names every package it imports.
    const built = jsFiles(join(root, 'dist')).filter((f) => !f.startsWith(join(root, 'dist', 'bundle')));
    const imported = importedPackages([...built, ...jsFiles(join(root, 'bin'))]);
    // The kubectl layer of a cluster's minor is imported by the name in the version lock.
    for (const lock of Object.values(VERSION_LOCK)) imported.add(lock.kubectlLayer.package);
    // tsx serves only a source checkout that has not been built (bin/launch.js); it is a devDependency.
    imported.delete('tsx');
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported].sort());
  });

  it('keep test and build tools out: they are devDependencies', () => {
    for (const tool of ['cdk-nag', 'typescript', 'vitest', 'tsx', '@biomejs/biome', 'aws-sdk-client-mock']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
  });
});

describe('the package', () => {
  it('ships the Apache-2.0 text it declares', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License');
    expect(text).toContain('Version 2.0, January 2004');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });

  it('builds at pack time, not at install time', () => {
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.install).toBeUndefined();
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.scripts.prepack).toContain('build');
    expect(pkg.files).toContain('dist');
  });

  it('admits Node 20.19 and the supported lines 22 and 24 in engines', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || >=24.0.0');
  });

  it('declares an entry with its types for each job', () => {
    for (const entry of ['.', './verify', './platform', './apps', './ops']) {
      const name = entry === '.' ? 'index' : entry.slice(2);
      expect(pkg.exports[entry]).toEqual({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
      expect(existsSync(join(root, 'src', `${name}.ts`))).toBe(true);
    }
  });

  it('installs both executables: slipway and the kubectl plugin kubectl-slipway', () => {
    expect(pkg.bin).toEqual({ slipway: 'bin/slipway.js', 'kubectl-slipway': 'bin/kubectl-slipway.js' });
  });
});

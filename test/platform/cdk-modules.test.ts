import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dir = join(root, 'src', 'platform', 'cdk');
const require = createRequire(import.meta.url);

/**
 * Files of aws-cdk-lib in the require cache after `code` runs in a fresh Node process; with `ts`, through
 * tsx (for our TypeScript; plain Node measures the ES module import of aws-cdk-lib itself).
 */
function loadedFiles(code: string, ts: boolean): number {
  const count = `const n = Object.keys((await import('node:module')).createRequire(import.meta.url).cache)
    .filter((f) => f.includes('/node_modules/aws-cdk-lib/')).length; console.log(n);`;
  const args = [...(ts ? ['--import', 'tsx'] : []), '--input-type=module', '-e', `${code}\n${count}`];
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return Number(r.stdout.trim());
}

describe("the platform's aws-cdk-lib modules", () => {
  it('export the very classes and enums of the aws-cdk-lib module each one names', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const name = readFileSync(join(dir, file), 'utf8').match(/require\('(aws-cdk-lib\/[^']+)'\)/)?.[1];
      expect(name, file).toBe(`aws-cdk-lib/${file.replace(/\.ts$/, '')}`);
      const wrapper = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      const original = require(String(name)) as Record<string, unknown>;
      expect(Object.keys(wrapper).length, file).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(wrapper)) expect(value, `${file}: ${key}`).toBe(original[key]);
    }
  });

  it('load far fewer aws-cdk-lib files than ES module imports of the same modules', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const modules = files.map((f) => `aws-cdk-lib/${f.replace(/\.ts$/, '')}`);
    const whole = loadedFiles(modules.map((m) => `await import('${m}');`).join('\n'), false);
    const used = loadedFiles(
      files.map((f) => `await import(${JSON.stringify(pathToFileURL(join(dir, f)).href)});`).join('\n'),
      true,
    );
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(whole / 2);
  });
});

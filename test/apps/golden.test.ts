import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppsSynthResult, synthesizeApps } from '../../src/apps/synth.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { SlipwayConfig } from '../../src/config/types.js';

/**
 * The generated manifests of the bundled example are the contract: any change
 * shows up here as a diff. Run with UPDATE_GOLDEN=1 to accept a change.
 */
const GOLDEN = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'apps');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

let config: SlipwayConfig;
beforeAll(async () => {
  config = await loadConfig(bundledExamplePath());
});

describe.each(['test', 'prod'])('apps of the bundled example in %s', (envName) => {
  let result: AppsSynthResult;
  beforeAll(() => {
    result = synthesizeApps(config.environments[envName]);
  });

  it('matches the golden files byte for byte', () => {
    const dir = join(GOLDEN, envName);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      for (const [file, text] of result.files) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
    }
    expect([...result.files.keys()]).toEqual(listFiles(dir));
    for (const [file, text] of result.files) {
      expect(text, `${envName}/${file} differs from the golden file (UPDATE_GOLDEN=1 to accept)`).toBe(
        readFileSync(join(dir, file), 'utf8'),
      );
    }
  });

  it('is deterministic: a second synthesis gives the same bytes', () => {
    const again = synthesizeApps(config.environments[envName]);
    expect([...again.files.entries()]).toEqual([...result.files.entries()]);
  });

  it('says the managed-service advice once', () => {
    expect(result.notes.filter((n) => n.includes('managed service'))).toHaveLength(1);
  });
});

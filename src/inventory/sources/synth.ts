import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EnvironmentConfig } from '../../config/types.js';
import { UsageError } from '../../util/errors.js';
import type { TextInput } from './read-documents.js';

/**
 * Synthesizes an environment in memory for `slipway verify` without paths:
 * the platform's CloudFormation templates and the apps' manifests, named as
 * `slipway synth --out out` would write them (`out/<env>/platform/…`,
 * `out/<env>/apps/…`), with the same bytes, so reported lines match those files.
 * Given `cwd`, the GitOps sync objects are resolved as synth would write them
 * there (the repository holding `<cwd>/<outDir>` gives their path and URL);
 * without it, from the config's `gitops` settings alone.
 */
export async function synthesizeForVerify(env: EnvironmentConfig, outDir = 'out', cwd?: string): Promise<TextInput[]> {
  const [platform, apps] = await Promise.all([
    synthesizePlatformTexts(env, outDir),
    synthesizeAppTexts(env, outDir, cwd),
  ]);
  return [...platform, ...apps];
}

async function synthesizePlatformTexts(env: EnvironmentConfig, outDir: string): Promise<TextInput[]> {
  const { buildPlatformApp, sortKeys } = await import('../../platform/synth.js');
  const scratch = await mkdtemp(join(tmpdir(), 'slipway-verify-'));
  try {
    const { app } = await buildPlatformApp(env, { outdir: scratch });
    const assembly = app.synth();
    const files = (await readdir(assembly.directory)).filter((f) => f.endsWith('.template.json')).sort();
    const out: TextInput[] = [];
    for (const file of files) {
      const parsed: unknown = JSON.parse(await readFile(join(assembly.directory, file), 'utf8'));
      out.push({
        file: `${outDir}/${env.name}/platform/${file}`,
        text: `${JSON.stringify(sortKeys(parsed), null, 2)}\n`,
      });
    }
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function synthesizeAppTexts(env: EnvironmentConfig, outDir: string, cwd?: string): Promise<TextInput[]> {
  const { synthesizeApps } = await import('../../apps/synth.js');
  const appsDir = cwd === undefined ? undefined : resolve(cwd, outDir, env.name, 'apps');
  const { files, errors } = synthesizeApps(env, { appsDir });
  if (errors.length) throw new UsageError(errors.join('\n'));
  return [...files.entries()]
    .filter(([path]) => /\.(ya?ml|json)$/.test(path))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, text]) => ({ file: `${outDir}/${env.name}/apps/${path}`, text }));
}

/** The paths of a `slipway synth` output folder for one environment. */
export function synthOutputPaths(outDir: string, envName: string): string[] {
  return [join(outDir, envName, 'platform'), join(outDir, envName, 'apps')];
}

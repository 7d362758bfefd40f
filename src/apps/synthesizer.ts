import { join, resolve } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import type { Synthesizer, SynthPartResult } from '../platform/synth.js';
import { UsageError } from '../util/errors.js';
import { writeOwnedFiles } from '../util/owned-output.js';
import { type SynthAppsOptions, synthesizeApps } from './synth.js';

/** What `slipway synth` reports for the apps part, plus the notes to print once per run. */
export interface AppsPartResult extends SynthPartResult {
  readonly notes: readonly string[];
}

function kindsOf(text: string): string[] {
  return [...text.matchAll(/^kind: (\S+)$/gm)].map((m) => m[1]);
}

/**
 * Writes `<outdir>/<env>/apps/`, removing the files an earlier run wrote that
 * this one does not (so an app removed from the config leaves no stale files
 * for Argo CD to keep applying) and nothing else, and reports one row per
 * folder. The sync objects point at that folder's path from the root of the Git
 * repository holding it, and at that repository's origin (see resolveGitSource);
 * when they cannot and the environment requires them, nothing is written.
 */
export async function writeApps(
  env: EnvironmentConfig,
  outdir: string,
  options: SynthAppsOptions = {},
): Promise<AppsPartResult> {
  const dir = join(outdir, env.name, 'apps');
  const result = synthesizeApps(env, { appsDir: resolve(dir), ...options });
  if (result.errors.length) throw new UsageError(result.errors.join('\n'));
  const written = await writeOwnedFiles(dir, result.files);
  const folders = new Map<string, string[]>();
  for (const [file, text] of result.files) {
    const folder = file.split('/')[0];
    folders.set(folder, [...(folders.get(folder) ?? []), ...kindsOf(text).filter((k) => k !== 'Kustomization')]);
  }
  const rows = [...folders.entries()].map(([folder, kinds]) => {
    const app = env.apps.find((a) => a.name === folder);
    const counts = new Map<string, number>();
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    return {
      component: app ? `${folder} (${app.pattern})` : folder,
      resources: kinds.length,
      detail: [...counts.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => (n > 1 ? `${k} x${n}` : k))
        .join(', '),
    };
  });
  return {
    part: 'apps',
    files: written,
    rows,
    data: { dir, files: written, notes: result.notes },
    notes: result.notes,
  };
}

/** The apps part of `slipway synth`: `<out>/<env>/apps/...`. */
export const appsSynthesizer: Synthesizer = {
  part: 'apps',
  synthesize: (env, opts) => writeApps(env, opts.outdir),
};

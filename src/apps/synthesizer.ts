import { basename, join } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import type { Synthesizer, SynthPartResult } from '../platform/synth.js';
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
 * folder. Argo CD source paths assume the output folder sits at the repository
 * root: `<basename of outdir>/<env>/apps/<app>`.
 */
export async function writeApps(
  env: EnvironmentConfig,
  outdir: string,
  options: SynthAppsOptions = {},
): Promise<AppsPartResult> {
  const dir = join(outdir, env.name, 'apps');
  const result = synthesizeApps(env, { basePath: `${basename(outdir)}/${env.name}/apps`, ...options });
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
  synthesize: (env, opts) =>
    writeApps(env, opts.outdir, {
      repoURL: env.gitops.repoURL,
      targetRevision: env.gitops.targetRevision,
      ...(env.gitops.path ? { basePath: env.gitops.path } : {}),
    }),
};

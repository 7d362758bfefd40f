import type { AppConfig } from '../config/schema/apps.js';

/**
 * The order a GitOps controller should sync an environment's folders in:
 * the namespaces and their baseline first, then each app after the apps it
 * talks to (`talksTo`), so data stores come before the services that use them.
 */
export interface SyncOrder {
  /** Argo CD sync wave of a folder: -1 for the namespaces, else 0 plus one per step of `talksTo`. */
  wave(app: AppConfig | undefined): number;
  /** The apps this one waits for (the ones it talks to that exist in the environment), sorted. */
  dependsOn(app: AppConfig): string[];
}

export function syncOrder(apps: readonly AppConfig[]): SyncOrder {
  const byName = new Map(apps.map((a) => [a.name, a]));
  const waves = new Map<string, number>();
  const visiting = new Set<string>();
  const deps = (app: AppConfig) => [...new Set(app.talksTo.filter((t) => byName.has(t) && t !== app.name))].sort();
  const waveOf = (app: AppConfig): number => {
    const known = waves.get(app.name);
    if (known !== undefined) return known;
    // A cycle of talksTo (two apps calling each other) puts its members in the same wave.
    if (visiting.has(app.name)) return -1;
    visiting.add(app.name);
    const wave = deps(app).reduce((max, d) => Math.max(max, waveOf(byName.get(d) as AppConfig) + 1), 0);
    visiting.delete(app.name);
    waves.set(app.name, wave);
    return wave;
  };
  return {
    wave: (app) => (app ? waveOf(app) : -1),
    dependsOn: deps,
  };
}

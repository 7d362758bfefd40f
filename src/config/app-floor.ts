import { valueFor } from '../apps/naming.js';
import type { ValuePath } from '../util/paths.js';
import type { AppConfig } from './schema/apps.js';
import type { EnvironmentSettings } from './schema/file.js';

/** A per-app value that breaks an environment's floor, in config-file terms. */
export interface AppFloorViolation {
  /** Path in the config file (apps[i]…), so the error points at the line. */
  readonly path: ValuePath;
  readonly received: unknown;
  readonly message: string;
}

/** Fewest replicas a web app gets when the config does not say: two, or the environment's floor if higher. */
export function defaultWebReplicas(settings: Pick<EnvironmentSettings, 'workloads'>): number {
  return Math.max(2, settings.workloads.minReplicas);
}

/** The replica count an app asks for in one environment (before autoscaling). */
export function replicasOf(app: AppConfig, envName: string, settings: Pick<EnvironmentSettings, 'workloads'>): number {
  const fallback = app.pattern === 'web' ? defaultWebReplicas(settings) : 1;
  return valueFor(app.replicas, envName, fallback);
}

/** Where a per-environment value sits: under the environment key of a map, or the single value. */
function perEnvPath(i: number, field: readonly (string | number)[], value: unknown, envName: string): ValuePath {
  const isMap = typeof value === 'object' && value !== null && envName in value;
  return ['apps', i, ...field, ...(isMap ? [envName] : [])];
}

/**
 * Pitfall 2 (single replica in production): user-facing (web) apps run at
 * least `workloads.minReplicas` replicas, and autoscaling never goes below it
 * or below its own minimum. A config that asks for fewer is an error, not a
 * silent raise, so the file says what really runs.
 */
export function checkAppFloor(
  apps: readonly AppConfig[],
  envName: string,
  settings: Pick<EnvironmentSettings, 'workloads'>,
): AppFloorViolation[] {
  const out: AppFloorViolation[] = [];
  const floor = settings.workloads.minReplicas;
  apps.forEach((app, i) => {
    if (app.pattern !== 'web') return;
    const replicas = replicasOf(app, envName, settings);
    if (replicas < floor) {
      out.push({
        path: perEnvPath(i, ['replicas'], app.replicas, envName),
        received: replicas,
        message: `web app "${app.name}" runs ${replicas} replica(s) in ${envName}, below workloads.minReplicas (${floor}) for user-facing apps; set replicas to ${floor} or more`,
      });
    }
    if (!app.autoscaling) return;
    const min = valueFor(app.autoscaling.min, envName, replicas);
    const max = valueFor(app.autoscaling.max, envName, replicas);
    if (min < floor) {
      out.push({
        path: perEnvPath(i, ['autoscaling', 'min'], app.autoscaling.min, envName),
        received: min,
        message: `autoscaling of "${app.name}" may go down to ${min} in ${envName}, below workloads.minReplicas (${floor}); set autoscaling.min to ${floor} or more`,
      });
    }
    if (max < min) {
      out.push({
        path: perEnvPath(i, ['autoscaling', 'max'], app.autoscaling.max, envName),
        received: max,
        message: `autoscaling.max of "${app.name}" (${max}) is below its minimum (${min}) in ${envName}; max must be at least min`,
      });
    }
  });
  return out;
}

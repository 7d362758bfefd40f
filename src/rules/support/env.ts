import type { EnvironmentConfig } from '../../config/types.js';

/**
 * Whether the environment stands on the production floor (prod preset). A
 * waiver does not lower the floor: the rule (meta.waivable) still fails, and
 * the engine reports the finding as waived with the waiver's reason.
 */
export function prodFloor(env: EnvironmentConfig): boolean {
  return env.preset === 'prod';
}

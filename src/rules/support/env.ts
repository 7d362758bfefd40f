import type { WaivableCheck } from '../../config/schema/file.js';
import type { EnvironmentConfig } from '../../config/types.js';

/** Whether the environment applies the production floor for a check (prod preset and no waiver for it). */
export function prodFloor(env: EnvironmentConfig, check: WaivableCheck): boolean {
  return env.preset === 'prod' && !env.waivers.some((w) => w.check === check);
}

import type { WaivableCheck, Waiver } from '../../config/schema/file.js';
import type { EnvironmentConfig } from '../../config/types.js';
import { isExpired } from './suppressions.js';
import type { Suppression } from './types.js';

/** A prod-floor waiver of the environment and whether a finding used it in this run. */
export interface WaiverState {
  readonly waiver: Waiver;
  /** Its config path, such as `environments.prod.waivers[0]`. */
  readonly path: string;
  readonly expired: boolean;
  used: boolean;
}

export function waiverStates(env: EnvironmentConfig, today: string): WaiverState[] {
  return env.waivers.map((waiver, i) => ({
    waiver,
    path: `environments.${env.name}.waivers[${i}]`,
    expired: isExpired(waiver.expires, today),
    used: false,
  }));
}

/** The unexpired waiver of a floor check, as the suppression of a finding of the rule that enforces it. */
export function matchWaiver(states: readonly WaiverState[], check: WaivableCheck | undefined): Suppression | undefined {
  if (!check) return undefined;
  const st = states.find((s) => !s.expired && s.waiver.check === check);
  if (!st) return undefined;
  st.used = true;
  return {
    by: 'waiver',
    reason: st.waiver.reason,
    key: st.path,
    ...(st.waiver.expires ? { expires: st.waiver.expires } : {}),
  };
}

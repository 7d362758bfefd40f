import type { Exemption } from '../../config/schema/verify.js';
import type { RuleResult } from '../types.js';
import { globMatch } from './glob.js';
import { isExpired } from './suppressions.js';
import type { Suppression } from './types.js';

/** A config exemption and whether it has been used in this run. */
export interface ExemptionState {
  readonly exemption: Exemption;
  /** Its config path, such as `environments.prod.verify.exemptions[0]`. */
  readonly path: string;
  readonly expired: boolean;
  used: boolean;
  matchesRule(ruleId: string): boolean;
}

export function exemptionStates(exemptions: readonly Exemption[], envName: string, today: string): ExemptionState[] {
  return exemptions.map((exemption, i) => ({
    exemption,
    path: `environments.${envName}.verify.exemptions[${i}]`,
    expired: isExpired(exemption.expires, today),
    used: false,
    matchesRule: (ruleId: string) => globMatch(exemption.rule, ruleId),
  }));
}

/**
 * The first unexpired exemption covering a result: the rule glob matches, and
 * kind (Kubernetes kind or AWS type), namespace and name (or AWS id) globs match
 * where given.
 */
export function matchExemption(
  states: readonly ExemptionState[],
  ruleId: string,
  result: RuleResult,
): Suppression | undefined {
  const s = result.subject;
  const kind = 'awsType' in s ? s.awsType : s.kind;
  const namespace = 'awsType' in s ? undefined : s.namespace;
  const name = 'awsType' in s ? s.id : s.name;
  for (const st of states) {
    const e = st.exemption;
    if (st.expired || !st.matchesRule(ruleId)) continue;
    if (e.kind !== undefined && !globMatch(e.kind, kind)) continue;
    if (e.namespace !== undefined && (namespace === undefined || !globMatch(e.namespace, namespace))) continue;
    if (e.name !== undefined && !globMatch(e.name, name)) continue;
    st.used = true;
    return { by: 'exemption', reason: e.reason, key: st.path, ...(e.expires ? { expires: e.expires } : {}) };
  }
  return undefined;
}

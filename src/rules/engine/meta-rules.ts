import type { RuleInfo } from './types.js';
import { META_CATEGORY } from './types.js';

/** The engine's own checks: they report on the inputs and on suppressions, not on the platform. */
export const META_RULE_IDS = {
  input: 'slipway.input',
  suppressionInvalid: 'slipway.suppression-invalid',
  suppressionExpired: 'slipway.suppression-expired',
  suppressionUnused: 'slipway.suppression-unused',
  exemptionExpired: 'slipway.exemption-expired',
  exemptionUnused: 'slipway.exemption-unused',
  waiverExpired: 'slipway.waiver-expired',
} as const;

const meta = (id: string, title: string, severity: RuleInfo['severity'], why: string, fix: string): RuleInfo => ({
  id,
  title,
  category: META_CATEGORY,
  severity,
  why,
  verified: 'by the verifier itself',
  fix,
  checklist: [],
});

export const META_RULES: readonly RuleInfo[] = [
  meta(
    META_RULE_IDS.input,
    'Input could be read',
    'high',
    'a file that cannot be read is a part of the platform nobody verified',
    'fix the file at the position shown (syntax, duplicate key, size, encoding), or leave it out of the paths',
  ),
  meta(
    META_RULE_IDS.suppressionInvalid,
    'Suppression is well-formed',
    'low',
    'a suppression nobody can judge (no reason, bad date, unknown rule) is not applied',
    'write slipway.io/ignore.<rule>[.<container>]: "<reason>; expires=YYYY-MM-DD" with a known rule id and a reason',
  ),
  meta(
    META_RULE_IDS.suppressionExpired,
    'Suppression has not expired',
    'low',
    'an expired suppression no longer applies; the finding it hid counts again',
    'fix the finding, or renew the suppression with a new reason and date',
  ),
  meta(
    META_RULE_IDS.suppressionUnused,
    'Suppression is still needed',
    'low',
    'a suppression that hides nothing could hide a future problem unnoticed',
    'remove the annotation',
  ),
  meta(
    META_RULE_IDS.exemptionExpired,
    'Exemption has not expired',
    'low',
    'an expired exemption no longer applies; the findings it covered count again',
    'fix the findings, or renew the exemption in the config with a new reason and date',
  ),
  meta(
    META_RULE_IDS.exemptionUnused,
    'Exemption is still needed',
    'low',
    'an exemption that matches nothing could hide a future problem unnoticed',
    'remove it from verify.exemptions',
  ),
  meta(
    META_RULE_IDS.waiverExpired,
    'Waiver has not expired',
    'low',
    'an expired waiver no longer sets the production floor aside; the findings it covered count again',
    'meet the floor, or renew the waiver under environments.<env>.waivers with a new reason and date',
  ),
];

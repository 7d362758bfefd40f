import { rules as cost } from './cost/index.js';
import { rules as infrastructure } from './infrastructure/index.js';
import { rules as observability } from './observability/index.js';
import { rules as operations } from './operations/index.js';
import { rules as reliability } from './reliability/index.js';
import { rules as security } from './security/index.js';
import { rules as storage } from './storage/index.js';
import { RULE_CATEGORIES, type Rule, type RuleCategory } from './types.js';
import { rules as upgrade } from './upgrade/index.js';
import { rules as workloads } from './workloads/index.js';

/** Each category folder's rules (src/rules/<category>/index.ts). */
export const RULES_BY_CATEGORY: Readonly<Record<RuleCategory, readonly Rule[]>> = {
  infrastructure,
  security,
  reliability,
  observability,
  operations,
  storage,
  workloads,
  cost,
  upgrade,
};

/**
 * Every rule, in category order (the checklist's order first), then by id. Ids are lowercase letters, digits,
 * dots and hyphens, which sort the same by code unit as by localeCompare; comparing code units spares every
 * command that loads the rules the ICU collator's start-up (~20 ms).
 */
export const RULES: readonly Rule[] = RULE_CATEGORIES.flatMap((c) =>
  [...RULES_BY_CATEGORY[c]].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0)),
);

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

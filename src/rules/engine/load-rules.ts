import type { Rule } from '../types.js';

/** The registered rules (src/rules/registry.ts), imported lazily so commands that never verify do not load them. */
export async function loadRules(): Promise<readonly Rule[]> {
  const { RULES } = await import('../registry.js');
  return RULES;
}

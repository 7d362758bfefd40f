import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/config/schema/verify.js';
import { CHECKLIST, CHECKLIST_CATEGORIES } from '../../src/rules/checklist.js';
import { PITFALLS } from '../../src/rules/pitfalls.js';
import { RULES, RULES_BY_CATEGORY, ruleById } from '../../src/rules/registry.js';
import { RULE_CATEGORIES, type Rule } from '../../src/rules/types.js';
import { ENVS } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const checklistCategories: readonly string[] = CHECKLIST_CATEGORIES;

function ruleFiles(category: string): string[] {
  return readdirSync(resolve(ROOT, 'src/rules', category))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => basename(f, '.ts'))
    .sort();
}

describe('rule registry', () => {
  it('has unique ids, and each is <folder>.<file> of the file that defines it', async () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const category of RULE_CATEGORIES) {
      const files = ruleFiles(category);
      const registered = RULES_BY_CATEGORY[category].map((r) => r.meta.id).sort();
      expect(registered, `src/rules/${category}/index.ts must list every rule file of the folder`).toEqual(
        files.map((f) => `${category}.${f}`),
      );
      for (const file of files) {
        const mod = (await import(resolve(ROOT, 'src/rules', category, `${file}.ts`))) as { default?: Rule };
        expect(mod.default?.meta.id, `src/rules/${category}/${file}.ts must export its rule as default`).toBe(
          `${category}.${file}`,
        );
        expect(mod.default?.meta.category).toBe(category);
      }
    }
  });

  it('finds rules by id', () => {
    expect(ruleById('reliability.resources')?.meta.pitfall).toBe(1);
    expect(ruleById('no.such-rule')).toBeUndefined();
  });

  describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const m = rule.meta;

    it('documents why it matters, how it is verified and how to fix it', () => {
      for (const field of [m.title, m.why, m.verified, m.fix]) expect(field.trim().length).toBeGreaterThan(10);
    });

    it('names checklist items that exist (required in the checklist categories)', () => {
      for (const item of m.checklist) expect(CHECKLIST.map((c) => c.id)).toContain(item);
      if (checklistCategories.includes(m.category)) expect(m.checklist.length).toBeGreaterThan(0);
    });

    it('has valid severities and pitfall', () => {
      expect(SEVERITIES).toContain(m.severity.test);
      expect(SEVERITIES).toContain(m.severity.prod);
      if (m.pitfall !== undefined) expect(Object.keys(PITFALLS).map(Number)).toContain(m.pitfall);
    });

    it('accepts its own defaults for the test and prod presets, unchanged (so the engine uses them unparsed)', () => {
      for (const env of [ENVS.test, ENVS.prod]) {
        const defaults = m.defaults(env);
        const parsed = m.params.safeParse(defaults);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
        expect(parsed.data).toStrictEqual(defaults);
      }
    });

    it('has a test file', () => {
      const [category, name] = id.split('.');
      const file = `test/rules/${category}/${name}.test.ts`;
      expect(existsSync(resolve(ROOT, file)), `${file} is missing`).toBe(true);
    });
  });

  it('proves every checklist item with at least one rule', () => {
    const unproven = CHECKLIST.filter((item) => !RULES.some((r) => r.meta.checklist.includes(item.id))).map(
      (i) => i.id,
    );
    expect(unproven).toEqual([]);
  });

  it('maps each of the seven pitfalls to a rule', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      expect(
        RULES.some((r) => r.meta.pitfall === n),
        `pitfall ${n} has no rule`,
      ).toBe(true);
    }
  });
});

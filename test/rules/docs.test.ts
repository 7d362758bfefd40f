import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_COMMAND, DOCS_FILE, renderRulesMarkdown } from '../../src/rules/docs.js';
import { RULES } from '../../src/rules/registry.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('docs/rules.md', () => {
  it('is up to date with the rule registry', () => {
    const expected = renderRulesMarkdown(RULES);
    let actual = '';
    try {
      actual = readFileSync(resolve(ROOT, DOCS_FILE), 'utf8');
    } catch {
      // reported below
    }
    expect(actual === expected, `${DOCS_FILE} is stale: run \`${DOCS_COMMAND}\` and commit the result`).toBe(true);
  });

  it('lists every rule, every checklist item and every pitfall', () => {
    const md = renderRulesMarkdown(RULES);
    for (const r of RULES) expect(md).toContain(`### ${r.meta.id}`);
    expect(md).toContain('| Operations | Access controls |');
    expect(md).toContain('| 7 | No log retention |');
  });
});

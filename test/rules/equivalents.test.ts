import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import type { Equivalents } from '../../src/rules/types.js';

type Peer = 'polaris' | 'kubeScore' | 'kubeLinter';
interface Mapped {
  rules: string[];
  meaning: 'same' | 'different';
  why?: string;
}
const mapping = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../bench/accuracy/mapping.json'), 'utf8'),
) as Record<Peer, Record<string, Mapped>>;

describe('rule equivalents and the accuracy mapping', () => {
  it('lists every peer check of the same meaning in the equivalents of each rule it maps to', () => {
    const missing: string[] = [];
    for (const peer of ['polaris', 'kubeScore', 'kubeLinter'] as const) {
      for (const [check, m] of Object.entries(mapping[peer])) {
        if (m.meaning !== 'same') continue;
        for (const id of m.rules) {
          const rule = RULES.find((r) => r.meta.id === id);
          const listed = (rule?.meta.equivalents as Equivalents | undefined)?.[peer] ?? [];
          if (!listed.includes(check)) missing.push(`${id}: ${peer} ${check}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('maps only to registered rules, and gives every different meaning its reason', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const peer of ['polaris', 'kubeScore', 'kubeLinter'] as const) {
      for (const [check, m] of Object.entries(mapping[peer])) {
        for (const id of m.rules) expect(ids.has(id), `${peer} ${check} → ${id}`).toBe(true);
        if (m.meaning === 'different') expect(m.why, `${peer} ${check}`).toBeTruthy();
      }
    }
  });
});

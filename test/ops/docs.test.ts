import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'ops.md'), 'utf8');
const goldens = readdirSync(join(ROOT, 'test', 'golden', 'ops')).map((f) =>
  readFileSync(join(ROOT, 'test', 'golden', 'ops', f), 'utf8'),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );
}

describe('docs/ops.md', () => {
  it('shows real output: every text block is cut from a golden file of the renderers', () => {
    const blocks = [...doc.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const b of blocks)
      expect(
        goldens.some((g) => g.includes(b)),
        b.slice(0, 80),
      ).toBe(true);
  });

  it('lists every problem code the commands can return', () => {
    const code = sources(join(ROOT, 'src', 'ops')).join('\n');
    const literal = [
      ...code.matchAll(/code: (?:[^'\n]*\? )?'([a-z0-9-]+\.[a-z0-9.-]+)'(?: : '([a-z0-9-]+\.[a-z0-9.-]+)')?/g),
    ].flatMap((m) => m.slice(1).filter(Boolean));
    const table = doc.slice(doc.indexOf('## Problem codes'));
    expect(literal.length).toBeGreaterThan(30);
    for (const c of new Set(literal)) expect(table, c).toContain(`\`${c}\``);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Every .ts file under a folder of src/ (tests beside sources excluded). */
function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
    }
  };
  walk(join(SRC, folder));
  return out.sort();
}

/** Relative module specifiers a file imports: static, re-exported, type-only and dynamic `import()`. */
function importsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)) out.add(m[1]);
  return [...out];
}

/** The src/-relative path each relative import of a file points at ("inventory/types.js"). */
function targetsOf(file: string): string[] {
  return importsOf(readFileSync(file, 'utf8')).map((spec) => relative(SRC, resolve(dirname(file), spec)));
}

/** "file → target" for each import of a file in `folders` whose target lies in one of `forbidden`. */
function violations(folders: readonly string[], forbidden: (target: string) => boolean): string[] {
  return folders.flatMap((folder) =>
    filesUnder(folder).flatMap((file) =>
      targetsOf(file)
        .filter(forbidden)
        .map((t) => `${relative(SRC, file)} → ${t}`),
    ),
  );
}

/** Command files that change a cluster (and confirm first); only they may import the writer. */
const WRITING_COMMANDS: readonly string[] = ['cli/commands/secrets.ts'];

const above = (folders: readonly string[]) => (target: string) => folders.some((f) => target.startsWith(`${f}/`));

describe('import graph', () => {
  it('finds static, type-only, re-exported and dynamic relative imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/types.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('../d.js');",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b/types.js', '../d.js', './a.js', './c.js', './side-effect.js']);
  });

  it('kube/ and aws/ import nothing from inventory/, rules/ or platform/', () => {
    expect(violations(['kube', 'aws'], above(['inventory', 'rules', 'platform']))).toEqual([]);
  });

  it('live/ builds on kube/ and aws/ only: nothing from inventory/, rules/, platform/, ops/ or cli/', () => {
    expect(violations(['live'], above(['inventory', 'rules', 'platform', 'ops', 'cli']))).toEqual([]);
  });

  it('only the writer opens the transport that can PATCH', () => {
    const users = ['kube', 'aws', 'inventory', 'rules', 'report', 'cli', 'ops', 'live', 'verify']
      .flatMap((folder) => (existsSync(join(SRC, folder)) ? filesUnder(folder) : []))
      .filter((file) => /\bopenKubeSession\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(users.sort()).toEqual(['kube/transport.ts', 'kube/writer.ts']);
  });

  it('rules/, inventory/, the readers and read-only commands never import the writer', () => {
    const folders = ['rules', 'inventory', 'kube', 'aws', 'report', 'cli', 'live', 'verify'].filter((f) =>
      existsSync(join(SRC, f)),
    );
    const found = violations(folders, (t) => t === 'kube/writer.js').filter(
      (v) => !v.startsWith('kube/writer.ts') && !WRITING_COMMANDS.some((c) => v.startsWith(`${c} `)),
    );
    expect(found).toEqual([]);
  });

  it('status, doctor, images and logs reach no writer through any chain of imports', () => {
    const reach = (start: string): Set<string> => {
      const seen = new Set<string>();
      const todo = [start];
      while (todo.length) {
        const file = todo.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const t of targetsOf(join(SRC, file))) {
          const ts = t.replace(/\.js$/, '.ts');
          if (existsSync(join(SRC, ts))) todo.push(ts);
        }
      }
      return seen;
    };
    for (const cmd of ['status', 'doctor', 'images', 'logs']) {
      const reached = reach(`cli/commands/${cmd}.ts`);
      expect(reached.size, cmd).toBeGreaterThan(5);
      expect(
        [...reached].filter((f) => f === 'kube/writer.ts'),
        cmd,
      ).toEqual([]);
    }
    // The one command that writes does reach it.
    expect(reach('cli/commands/secrets.ts').has('kube/writer.ts')).toBe(true);
  });
});

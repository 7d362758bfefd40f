import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** A Git working tree found on disk, the way git finds it: the nearest `.git` folder or file above a path. */
export interface GitRepository {
  /** The working tree's top folder (what `git rev-parse --show-toplevel` prints). */
  readonly root: string;
  /** The repository's own git folder (for a worktree or submodule, the one its `.git` file names). */
  readonly gitDir: string;
  /** Where the shared config lives: the main repository's git folder for a linked worktree, else gitDir. */
  readonly commonDir: string;
}

function kindOf(path: string): 'dir' | 'file' | undefined {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function readTrimmed(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The Git repository whose working tree holds `start` (a file or folder that
 * need not exist yet), or undefined outside any repository. A `.git` file
 * (linked worktrees, submodules) is followed through its `gitdir:` line, and a
 * worktree's `commondir` leads to the shared config.
 */
export function findGitRepository(start: string): GitRepository | undefined {
  let dir = resolve(start);
  while (kindOf(dir) !== 'dir') {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  for (;;) {
    const dotGit = join(dir, '.git');
    const kind = kindOf(dotGit);
    if (kind === 'dir') return { root: dir, gitDir: dotGit, commonDir: dotGit };
    if (kind === 'file') {
      const line = /^gitdir:\s*(.+)$/m.exec(readTrimmed(dotGit) ?? '');
      if (line) {
        const gitDir = isAbsolute(line[1].trim()) ? line[1].trim() : resolve(dir, line[1].trim());
        const common = readTrimmed(join(gitDir, 'commondir'));
        const commonDir = common ? (isAbsolute(common) ? common : resolve(gitDir, common)) : gitDir;
        return { root: dir, gitDir, commonDir };
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The values of a git config file as `section.subsection.key` → last value
 * (sections and keys lower-cased, subsections kept as written, as git does).
 */
export function parseGitConfig(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]$/.exec(line);
    if (head) {
      const [name, ...rest] = head[1].split('.');
      const sub = head[2] !== undefined ? head[2].replace(/\\(.)/g, '$1') : rest.join('.');
      section = sub ? `${name.toLowerCase()}.${sub}` : name.toLowerCase();
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry || !section) continue;
    let value = (entry[2] ?? 'true').replace(/\s+[#;].*$/, '').trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    out.set(`${section}.${entry[1].toLowerCase()}`, value);
  }
  return out;
}

/** The URL of a remote (default `origin`) as the repository's config has it, or undefined. */
export function remoteURL(repo: GitRepository, remote = 'origin'): string | undefined {
  const text = readTrimmed(join(repo.commonDir, 'config'));
  if (text === undefined) return undefined;
  return parseGitConfig(text).get(`remote.${remote}.url`) || undefined;
}

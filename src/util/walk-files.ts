import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

export interface WalkOptions {
  /** Base of relative paths; default the process's working directory. */
  readonly cwd?: string;
  /** Whether a file (by name) is wanted. */
  readonly accept: (name: string) => boolean;
  /** Whether a folder (by name) is skipped; default none. */
  readonly skipDir?: (name: string) => boolean;
}

/**
 * The files under a directory, recursively, in name order, as paths written
 * from `dir` (a relative `dir` gives relative paths). Symbolic links are
 * followed to files and to directories, as kustomize bases and vendored charts
 * use them; a directory reached twice (a link loop, or two links to one
 * folder) is read once, and a file reached through two links is listed once.
 * Broken links, FIFOs, sockets and devices are left out.
 */
export async function walkFiles(dir: string, options: WalkOptions): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : join(cwd, p));
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const real = await realpath(abs(d)).catch(() => undefined);
    if (!real || seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = await readdir(abs(d), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const child = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await stat(abs(child)).catch(() => undefined);
        isDir = Boolean(target?.isDirectory());
        isFile = Boolean(target?.isFile());
      }
      if (isDir) {
        if (!options.skipDir?.(e.name)) await walk(child);
      } else if (isFile && options.accept(e.name)) {
        const realFile = e.isSymbolicLink() ? await realpath(abs(child)).catch(() => abs(child)) : join(real, e.name);
        if (seenFiles.has(realFile)) continue;
        seenFiles.add(realFile);
        out.push(child);
      }
    }
  };
  await walk(dir);
  return out;
}

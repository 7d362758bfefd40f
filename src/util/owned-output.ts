import { mkdir, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, parse, resolve, sep } from 'node:path';

/** The list of files Slipway wrote into a folder, kept in the folder itself. */
export const OWNED_FILES_MANIFEST = '.slipway-files';

/** An output folder that must not be written to (empty, or a file-system root). */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

/** Refuses an output path that is empty or a file-system root; returns it resolved against `cwd`. */
export function checkOutputDir(path: string, cwd: string, flag = '--out'): string {
  if (path.trim() === '') throw new OutputPathError(`${flag} is empty; give the folder to write into, such as "out"`);
  const full = resolve(cwd, path);
  if (parse(full).root === full) {
    throw new OutputPathError(
      `${flag} ${path} is the file-system root (${full}); give a folder of its own, such as "out"`,
    );
  }
  return full;
}

/**
 * Writes `files` (relative path → text) under `dir`, owning only what it
 * writes: the paths are recorded in `dir/.slipway-files`, and on the next run
 * only recorded files that are no longer produced are removed (then the
 * folders they leave empty). Anything else in `dir` (a user's own files) is
 * left alone. Returns the absolute paths written, in the order given.
 */
export async function writeOwnedFiles(dir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  if (parse(dir).root === dir) throw new OutputPathError(`refusing to write into the file-system root ${dir}`);
  for (const rel of files.keys()) checkRelative(rel);
  const manifest = join(dir, OWNED_FILES_MANIFEST);
  const before = await readFile(manifest, 'utf8').then(
    (t) => t.split('\n').filter((l) => l !== ''),
    () => [] as string[],
  );
  for (const rel of before) {
    if (files.has(rel) || !isSafeRelative(rel)) continue;
    await unlink(join(dir, rel)).catch(() => undefined);
    await removeEmptyParents(dir, dirname(join(dir, rel)));
  }
  const written: string[] = [];
  for (const [rel, text] of files) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    written.push(path);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(manifest, `${[...files.keys()].sort().join('\n')}\n`);
  return written;
}

function isSafeRelative(rel: string): boolean {
  const n = normalize(rel);
  return rel !== '' && !isAbsolute(rel) && n !== '..' && !n.startsWith(`..${sep}`);
}

function checkRelative(rel: string): void {
  if (!isSafeRelative(rel)) throw new OutputPathError(`an output file path must stay inside its folder; got "${rel}"`);
}

async function removeEmptyParents(root: string, from: string): Promise<void> {
  for (let d = from; d.length > root.length && d.startsWith(root); d = dirname(d)) {
    const left = await readdir(d).catch(() => undefined);
    if (!left || left.length > 0) return;
    await rmdir(d).catch(() => undefined);
  }
}

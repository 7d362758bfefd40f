import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { decodeText, formatBytes, InputFileError, readTextFileSync } from '../../util/text-file.js';
import { walkFiles } from '../../util/walk-files.js';
import type { InputProblem } from '../types.js';
import type { TextInput } from './read-documents.js';

/** Extensions read when walking a directory (a file named explicitly is read whatever its name). */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** Files larger than this are refused; 64 MiB holds far more objects than any real set of manifests. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadInputsOptions {
  readonly cwd?: string;
  readonly maxFileBytes?: number;
  /** Reads standard input, for the path `-`, stopping past `maxBytes` (see readLimited). */
  readonly readStdin?: (maxBytes: number) => Promise<Uint8Array | string>;
}

/**
 * Reads the texts of paths: files, directories (recursively; .yaml, .yml and
 * .json; hidden folders and node_modules skipped; symbolic links followed) and
 * `-` for standard input (under the same size limit). Only regular files are
 * read: a FIFO or a device (`/dev/zero`) is refused instead of blocking.
 * A path that does not exist is an InputFileError (the caller's mistake); a file
 * that is too large or binary is a problem reported alongside the others.
 */
export async function readInputs(
  paths: readonly string[],
  options: ReadInputsOptions = {},
): Promise<{ inputs: TextInput[]; problems: InputProblem[] }> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const inputs: TextInput[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      if (seen.has('-')) continue;
      seen.add('-');
      if (!options.readStdin) throw new InputFileError('-', 'standard input is not available here');
      try {
        const data = await options.readStdin(maxBytes);
        const text = typeof data === 'string' ? data : decodeText(data, '<stdin>');
        if (text.length > maxBytes) {
          throw new InputFileError('<stdin>', `is larger than the ${formatBytes(maxBytes)} allowed`);
        }
        inputs.push({ file: '<stdin>', text });
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e;
        problems.push({ file: '<stdin>', message: e.reason });
      }
      continue;
    }
    const files = await expand(p, cwd);
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      try {
        inputs.push({ file, text: readTextFileSync(resolveIn(cwd, file), { maxBytes }) });
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e;
        problems.push({ file, message: e.reason });
      }
    }
  }
  return { inputs, problems };
}

function resolveIn(cwd: string, file: string): string {
  return isAbsolute(file) ? file : join(cwd, file);
}

/** The files a path stands for, as the user would write them (relative paths stay relative). */
async function expand(path: string, cwd: string): Promise<string[]> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(resolveIn(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(path, code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code})`);
  }
  if (!st.isDirectory()) return [path];
  return walkFiles(path, {
    cwd,
    accept: (name) => MANIFEST_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x)),
    skipDir: (name) => name.startsWith('.') || name === 'node_modules',
  });
}

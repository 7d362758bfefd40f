import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** The bundled CLI entry that bin/slipway.js runs when it is there (what the published package ships). */
export const CLI_BUNDLE = join(root, 'dist', 'bundle', 'slipway.js');
/** The tsc build of the CLI entry (the library's dist/, and the launcher's fallback). */
export const CLI_TSC = join(root, 'dist', 'cli', 'main.js');

/** Builds the package (tsc, then the bundle) unless both are there, so binary tests run what users get. */
export function ensureBuiltCli(): void {
  if (!existsSync(CLI_TSC) || !existsSync(CLI_BUNDLE)) execFileSync('npm', ['run', 'build'], { cwd: root });
}

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory (where package.json, examples/, crds/ and schema/ are). This module runs from
 * src/util/ (a source checkout), dist/util/ (the tsc build) or dist/bundle/ (the bundled CLI, whose chunks all
 * sit in that one folder): two levels under the root in each case.
 */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

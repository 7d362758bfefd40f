import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { InputFileError, readTextFile } from '../util/text-file.js';
import { ConfigError } from './errors.js';
import { resolveConfig } from './resolve.js';
import type { ConfigFileInput } from './schema/file.js';
import type { SlipwayConfig } from './types.js';
import { parseYamlSource } from './yaml-source.js';

/** Config files larger than this are refused (a real one is a few KiB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export const DEFAULT_CONFIG_FILE = 'slipway.config.yaml';

/** The example shipped with the package: examples/shop/slipway.config.yaml. */
export function bundledExamplePath(): string {
  return join(packageRoot(), 'examples', 'shop', DEFAULT_CONFIG_FILE);
}

/** `--config`, else ./slipway.config.yaml, else the bundled example. */
export function findConfigFile(explicit: string | undefined, cwd: string = process.cwd()): string {
  if (explicit) return resolve(cwd, explicit);
  const local = join(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(local) ? local : bundledExamplePath();
}

/** Parses config text (YAML or JSON) and resolves every environment; throws ConfigError with positions. */
export function parseConfig(text: string, file = '<config>'): SlipwayConfig {
  const { source, issues } = parseYamlSource(text, file);
  if (!source) throw new ConfigError(issues, file);
  return resolveConfig(source.data, { file, locate: source.locate });
}

/** Reads and resolves a config file. Hostile input (huge, binary, alias bombs) becomes a ConfigError. */
export async function loadConfig(file: string): Promise<SlipwayConfig> {
  let text: string;
  try {
    text = await readTextFile(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch (e) {
    if (e instanceof InputFileError) throw new ConfigError([{ path: [], message: e.reason }], file);
    throw e;
  }
  return parseConfig(text, file);
}

/** For library users: a typed config value, validated and resolved exactly as a file would be. */
export function defineConfig(input: ConfigFileInput): SlipwayConfig {
  return resolveConfig(input);
}

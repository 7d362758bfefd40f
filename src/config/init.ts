import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { DEFAULT_CONFIG_FILE, parseConfig } from './load.js';
import { starterConfig } from './starter.js';

export interface InitRequest {
  readonly dir: string;
  readonly cwd: string;
  readonly project?: string;
  readonly region: string;
  readonly domain?: string;
  readonly force: boolean;
}

export interface InitResult {
  readonly file: string;
  readonly project: string;
  readonly overwritten: boolean;
}

/** Writes a starter config into `dir`; refuses to overwrite one unless forced. */
export async function initProject(req: InitRequest): Promise<InitResult> {
  const dir = resolve(req.cwd, req.dir);
  const file = join(dir, DEFAULT_CONFIG_FILE);
  const shown = relative(req.cwd, file) || file;
  const exists = existsSync(file);
  if (exists && !req.force) {
    throw new UsageError(`${shown} already exists; refusing to overwrite it (use --force to replace it)`);
  }
  const project = req.project ?? toProjectName(basename(dir));
  const text = starterConfig({ project, region: req.region, domain: req.domain });
  parseConfig(text, shown); // the starter must load; a bad --project or --region is caught here, before writing
  await mkdir(dir, { recursive: true });
  await writeFile(file, text, 'utf8');
  return { file: shown, project, overwritten: exists };
}

function toProjectName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40);
  return cleaned || 'app';
}

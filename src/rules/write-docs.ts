/**
 * Writes docs/rules.md from the rule registry: `npm run docs:rules`.
 * A test fails when the file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_FILE, renderRulesMarkdown } from './docs.js';
import { RULES } from './registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const target = resolve(root, DOCS_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRulesMarkdown(RULES));
process.stdout.write(`wrote ${DOCS_FILE} (${RULES.length} rules)\n`);

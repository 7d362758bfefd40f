import { join } from 'node:path';

/** A short user script of `slipway/verify`, as a library user would write it (the packed-package test and bench:library type-check it). */
export const VERIFY_SCRIPT = `import { inventoryFromTexts, RULES, verify, type VerifyReport } from 'slipway/verify';
import { defineConfig } from 'slipway';
const env = defineConfig({ project: 'demo', environments: { prod: { preset: 'prod' } } }).environments.prod;
const report: VerifyReport = verify(inventoryFromTexts([{ file: 'a.yaml', text: 'kind: Namespace' }]), { env, rules: RULES });
export const failed: number = report.summary.counts.fail;
`;

/** The tsc command line (after `node`) that type-checks `file` as a Node ESM project, with this repo's TypeScript and @types. */
export function tscArgs(repoRoot: string, file: string, extra: readonly string[] = []): string[] {
  return [
    join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
    ...['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node'],
    ...['--typeRoots', join(repoRoot, 'node_modules', '@types')],
    ...extra,
    file,
  ];
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployment } from './kube-fixtures.js';

/** The file manyDeploymentsProject writes the Deployments to. */
export const DEPLOYMENTS_FILE = 'deployments.yaml';

/**
 * A directory with `count` Deployments on `nginx:latest` (each fails or warns on a dozen rules) in one
 * file and no config: `verify deployments.yaml -o json` prints some 12 KB a Deployment, so a few hundred
 * make a report of several 1 MB chunks.
 */
export function manyDeploymentsProject(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-many-'));
  const docs = Array.from({ length: count }, (_, i) =>
    JSON.stringify(deployment(`web-${i}`, 'shop', 1, { image: 'nginx:latest' })),
  );
  writeFileSync(join(dir, DEPLOYMENTS_FILE), `${docs.join('\n---\n')}\n`);
  return dir;
}

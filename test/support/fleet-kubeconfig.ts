import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback port nothing listens on: bound, read, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A kubeconfig file with one context per entry (context name → cluster name and server), token auth. */
export function fleetKubeconfig(contexts: readonly { context: string; cluster: string; url: string }[]): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const c of contexts)
    lines.push(
      `  - name: ${c.cluster}`,
      '    cluster:',
      `      server: ${c.url}`,
      '      insecure-skip-tls-verify: true',
    );
  lines.push('users:', '  - name: verifier', '    user:', '      token: test-token', 'contexts:');
  for (const c of contexts)
    lines.push(`  - name: ${c.context}`, `    context: { cluster: ${c.cluster}, user: verifier }`);
  lines.push(`current-context: ${contexts[0]?.context ?? ''}`, '');
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-fleet-')), 'kubeconfig');
  writeFileSync(file, lines.join('\n'));
  return file;
}

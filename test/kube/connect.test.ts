import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { connectKube, KubeConnectionError } from '../../src/kube/transport.js';
import { runCli } from '../support/cli.js';
import { type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

/** The fake server's kubeconfig as `kubectl proxy` users have it: an http server and no insecure-skip-tls-verify. */
async function plainHttpKubeconfig(): Promise<string> {
  server = await startFakeKubeServer({ objects: { Node: [] } });
  const text = readFileSync(server.kubeconfigPath, 'utf8').replace('      insecure-skip-tls-verify: true\n', '');
  expect(text).not.toContain('insecure-skip-tls-verify');
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-http-')), 'kubeconfig');
  writeFileSync(file, text);
  return file;
}

/** No kubeconfig anywhere: no KUBECONFIG, a home without ~/.kube/config. */
function noKubeconfig(): void {
  vi.stubEnv('KUBECONFIG', '');
  vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'slipway-home-')));
  vi.stubEnv('USERPROFILE', '');
}

describe('connecting to the API server', () => {
  it('accepts a plain-http server (kubectl proxy) as kubectl does', async () => {
    const kubeconfig = await plainHttpKubeconfig();
    const t = await connectKube({ kubeconfig, maxAttempts: 1 });
    const res = await t.get('/api/v1/nodes');
    expect(res.status).toBe(200);
    expect(server?.log.map((l) => l.path)).toContain('/api/v1/nodes');
  });

  it('live verify reads a cluster through a plain-http kubeconfig', async () => {
    const kubeconfig = await plainHttpKubeconfig();
    const run = await runCli([
      '-c',
      bundledExamplePath(),
      '-o',
      'json',
      'verify',
      '--live',
      '--env',
      'prod',
      '--no-aws',
      '--kubeconfig',
      kubeconfig,
    ]);
    expect(run.stderr).not.toContain('HTTP protocol is not allowed');
    expect(JSON.parse(run.stdout).summary.mode).toBe('live');
  });

  it('says at once that no kubeconfig was found, where it looked, and how to get one', async () => {
    noKubeconfig();
    const started = Date.now();
    const err = await connectKube({ expected: { cluster: 'shop-prod', region: 'us-east-1' } }).catch((e) => e);
    expect(err).toBeInstanceOf(KubeConnectionError);
    expect(err.message).toContain('no kubeconfig found');
    expect(err.message).toContain('~/.kube/config');
    expect(err.message).toContain('aws eks update-kubeconfig --name shop-prod --region us-east-1');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('live verify with no kubeconfig exits 1 with the advice, without retrying localhost:8080', async () => {
    noKubeconfig();
    const run = await runCli(['-c', bundledExamplePath(), 'verify', '--live', '--env', 'prod', '--no-aws']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no kubeconfig found');
    expect(run.stderr).toContain('aws eks update-kubeconfig --name');
    expect(run.stderr).not.toContain('localhost:8080');
  });
});

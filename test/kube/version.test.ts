import { afterEach, describe, expect, it } from 'vitest';
import { KubeApiError } from '../../src/kube/errors.js';
import { connectLive } from '../../src/live/connect.js';
import { FAKE_SERVER_VERSION, type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function readerOf(options: Parameters<typeof startFakeKubeServer>[0] = {}) {
  server = await startFakeKubeServer(options);
  return (await connectLive({ kubeconfig: server.kubeconfigPath, aws: false })).kube;
}

describe('KubeReader.version', () => {
  it('reads the API server version with one GET /version', async () => {
    const kube = await readerOf({ serverVersion: 'v1.33.5-eks-3025e55' });
    expect(await kube.version()).toEqual({
      major: '1',
      minor: '33+',
      gitVersion: 'v1.33.5-eks-3025e55',
      platform: 'linux/amd64',
    });
    expect(server?.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /version']);
  });

  it('answers the fake server default when none is given', async () => {
    const kube = await readerOf();
    expect((await kube.version()).gitVersion).toBe(FAKE_SERVER_VERSION);
  });

  it('throws a KubeApiError with the status when /version is refused', async () => {
    const kube = await readerOf({ serverVersion: 'forbidden' });
    const e = await kube.version().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KubeApiError);
    expect((e as KubeApiError).status).toBe(403);
    expect((e as KubeApiError).message).toMatch(/^GET \/version: 403 Forbidden/);
  });

  it('refuses an answer without a version, saying what came back and what was expected', async () => {
    const kube = await readerOf({ serverVersion: 'unknown' });
    await expect(kube.version()).rejects.toThrow(
      'GET /version: expected a gitVersion such as "v1.34.2"; got "unknown"',
    );
  });
});

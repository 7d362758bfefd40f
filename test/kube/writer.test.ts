import { afterEach, describe, expect, it } from 'vitest';
import { ApiKubeReader } from '../../src/kube/reader.js';
import { connectKube } from '../../src/kube/transport.js';
import {
  connectKubeWriter,
  FORCE_SYNC_ANNOTATION,
  forceSyncExternalSecret,
  RESTARTED_AT_ANNOTATION,
  restartRollout,
} from '../../src/kube/writer.js';
import {
  BUILTIN_RESOURCES,
  CRD_RESOURCES,
  type FakeKubeServer,
  startFakeKubeServer,
} from '../support/fake-kube-server.js';
import { deployment } from '../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const externalSecret = {
  apiVersion: 'external-secrets.io/v1beta1',
  kind: 'ExternalSecret',
  metadata: { name: 'db', namespace: 'shop', annotations: { owner: 'team-a' } },
  spec: { refreshInterval: '1h' },
};

async function start() {
  server = await startFakeKubeServer({
    resources: [...BUILTIN_RESOURCES, ...CRD_RESOURCES],
    objects: { ExternalSecret: [externalSecret], Deployment: [deployment('web', 'shop')] },
  });
  return connectKubeWriter({ kubeconfig: server.kubeconfigPath, sleep: async () => {} });
}

const patches = () => server!.log.filter((l) => l.method === 'PATCH');
const now = new Date('2026-03-01T08:30:00Z');

describe('kube writer', () => {
  it('force-syncs an ExternalSecret with one merge PATCH of the force-sync annotation (epoch seconds)', async () => {
    const writer = await start();
    const changed = await forceSyncExternalSecret(writer, 'shop', 'db', now);
    expect(patches()).toEqual([
      expect.objectContaining({
        path: '/apis/external-secrets.io/v1beta1/namespaces/shop/externalsecrets/db',
        contentType: 'application/merge-patch+json',
        status: 200,
      }),
    ]);
    expect(JSON.parse(patches()[0].body ?? '')).toEqual({
      metadata: { annotations: { [FORCE_SYNC_ANNOTATION]: '1772353800' } },
    });
    // Other annotations survive a merge patch.
    expect(changed.metadata.annotations).toEqual({ owner: 'team-a', [FORCE_SYNC_ANNOTATION]: '1772353800' });
  });

  it('restarts a rollout by stamping the pod template, as kubectl rollout restart does', async () => {
    const writer = await start();
    await restartRollout(writer, { kind: 'Deployment', namespace: 'shop', name: 'web' }, now);
    const [sent] = patches();
    expect(sent.path).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
    expect(sent.contentType).toBe('application/strategic-merge-patch+json');
    expect(JSON.parse(sent.body ?? '')).toEqual({
      spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: '2026-03-01T08:30:00.000Z' } } } },
    });
    // A reader sees the change afterwards.
    const reader = new ApiKubeReader(await connectKube({ kubeconfig: server!.kubeconfigPath }));
    const web = await reader.get('Deployment', 'shop', 'web');
    const spec = web?.spec as { template?: { metadata?: { annotations?: Record<string, string> } } } | undefined;
    expect(spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION]).toBe('2026-03-01T08:30:00.000Z');
  });

  it('refuses to restart a kind that has no pod template, sending nothing', async () => {
    const writer = await start();
    expect(() => restartRollout(writer, { kind: 'Job', namespace: 'shop', name: 'once' }, now)).toThrow(
      /cannot restart Job shop\/once: a rollout restart applies to Deployment, StatefulSet, DaemonSet/,
    );
    expect(patches()).toEqual([]);
  });

  it('raises the 404 of an object that does not exist, naming the verb and path', async () => {
    const writer = await start();
    await expect(forceSyncExternalSecret(writer, 'shop', 'missing', now)).rejects.toThrow(
      /PATCH \/apis\/external-secrets.io\/v1beta1\/namespaces\/shop\/externalsecrets\/missing: 404/,
    );
  });

  it('the reader transport has no PATCH', async () => {
    server = await startFakeKubeServer({});
    const transport = await connectKube({ kubeconfig: server.kubeconfigPath });
    expect(Object.keys(transport).sort()).toEqual(['context', 'get', 'server']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/inventory/types.js';
import type { KubeApiError } from '../../src/kube/errors.js';
import { listAll } from '../../src/kube/list-all.js';
import { ApiKubeReader } from '../../src/kube/reader.js';
import { backoffMs, connectKube } from '../../src/kube/transport.js';
import { type FakeKubeOptions, type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';
import { deployment, namespace } from '../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function reader(options: FakeKubeOptions, extra: { sleeps?: number[]; timeoutMs?: number } = {}) {
  server = await startFakeKubeServer(options);
  const transport = await connectKube({
    kubeconfig: server.kubeconfigPath,
    requestTimeoutMs: extra.timeoutMs,
    sleep: async (ms) => {
      extra.sleeps?.push(ms);
    },
  });
  return new ApiKubeReader(transport);
}

const many = (n: number) => Array.from({ length: n }, (_, i) => deployment(`d${i}`, `ns${i % 3}`));

describe('kube reader', () => {
  it('reads every page of a list with limit and continue', async () => {
    const r = await reader({ objects: { Deployment: many(1200) } });
    const seen: KubeObject[] = [];
    await listAll(r, 'Deployment', { pageSize: 500, onPage: (items) => seen.push(...items) });
    expect(seen).toHaveLength(1200);
    expect(seen[0].kind).toBe('Deployment');
    expect(seen[0].apiVersion).toBe('apps/v1');
    const lists = server!.log.filter((l) => l.path === '/apis/apps/v1/deployments');
    expect(lists.map((l) => l.query.limit)).toEqual(['500', '500', '500']);
    expect(lists.filter((l) => l.query.continue)).toHaveLength(2);
  });

  it('restarts a list when a continue token expires (410) and ends with each object once', async () => {
    const r = await reader({ objects: { Deployment: many(1200) }, expireContinueOnce: ['Deployment'] });
    let seen: KubeObject[] = [];
    const restarts: string[] = [];
    await listAll(r, 'Deployment', {
      pageSize: 500,
      onPage: (items) => seen.push(...items),
      onRestart: (why) => {
        restarts.push(why);
        seen = [];
      },
    });
    expect(restarts).toHaveLength(1);
    expect(new Set(seen.map((o) => o.metadata.name)).size).toBe(1200);
    expect(seen).toHaveLength(1200);
    expect(server!.log.some((l) => l.status === 410)).toBe(true);
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const sleeps: number[] = [];
    const r = await reader(
      { objects: { Namespace: [namespace('shop')] }, throttle: { Namespace: { times: 2, retryAfter: '3' } } },
      { sleeps },
    );
    const page = await r.list('Namespace');
    expect(page.items.map((o) => o.metadata.name)).toEqual(['shop']);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('throws a 403 KubeApiError for a forbidden kind', async () => {
    const r = await reader({ forbidden: ['NetworkPolicy'] });
    await expect(r.list('NetworkPolicy')).rejects.toMatchObject({ status: 403 } satisfies Partial<KubeApiError>);
  });

  it('reports a kind whose API group is not served', async () => {
    const r = await reader({});
    const res = await r.resolve('ScaledObject');
    expect(res.served).toBe(false);
  });

  it('lists one namespace with -n and gets a single object', async () => {
    const r = await reader({ objects: { Deployment: many(9) } });
    const page = await r.list('Deployment', { namespace: 'ns1' });
    expect(page.items.map((o) => o.metadata.name)).toEqual(['d1', 'd4', 'd7']);
    expect((await r.get('Deployment', 'ns1', 'd4'))?.metadata.name).toBe('d4');
    expect(await r.get('Deployment', 'ns1', 'nope')).toBeUndefined();
  });

  it('gives up on a slow server after the request timeout', async () => {
    const r = await reader({ objects: { Namespace: [namespace('a')] }, slowMs: { Namespace: 300 } }, { timeoutMs: 50 });
    await expect(r.list('Namespace')).rejects.toThrow(/no response came within 50 ms/);
  });

  it('selects a kubeconfig context by name and rejects an unknown one', async () => {
    server = await startFakeKubeServer({});
    const t = await connectKube({ kubeconfig: server.kubeconfigPath, context: 'other' });
    expect(t.context).toBe('other');
    await expect(connectKube({ kubeconfig: server.kubeconfigPath, context: 'nope' })).rejects.toThrow(
      /contexts: fake, other/,
    );
  });

  it('sends only GET requests', async () => {
    const r = await reader({ objects: { Deployment: many(3) } });
    await r.list('Deployment');
    expect(new Set(server!.log.map((l) => l.method))).toEqual(new Set(['GET']));
  });
});

describe('backoff', () => {
  it('honours Retry-After seconds and backs off exponentially without it', () => {
    expect(backoffMs(1, '2')).toBe(2000);
    expect(backoffMs(1, undefined)).toBe(200);
    expect(backoffMs(3, undefined)).toBe(800);
    expect(backoffMs(20, undefined)).toBe(10_000);
  });
});

describe('discovery fallbacks', () => {
  it('uses the known API location when a server does not serve resource lists, and treats a 404 list as not served', async () => {
    const { collectKube } = await import('../../src/inventory/sources/live-kube.js');
    server = await startFakeKubeServer({ objects: { Deployment: many(3) } });
    const transport = await connectKube({ kubeconfig: server.kubeconfigPath });
    // A server whose /apis/<group>/<version> answers 404, like a minimal fake.
    const minimal = {
      ...transport,
      get: (path: string) =>
        /^\/apis\/[^/]+\/[^/]+$|^\/api\/v1$/.test(path)
          ? Promise.resolve({ status: 404, headers: {}, body: '{}' })
          : transport.get(path),
    };
    const got = await collectKube({
      reader: new ApiKubeReader(minimal),
      kinds: ['Deployment', 'Namespace', 'ExternalSecret'],
    });
    expect(got.resources.filter((r) => r.object.kind === 'Deployment')).toHaveLength(3);
    expect([...got.kinds].sort()).toEqual(['Deployment', 'ExternalSecret', 'Namespace']);
    expect(got.denied.size).toBe(0);
  });

  it('makes a built-in kind the server does not serve unknown, not empty', async () => {
    const { collectKube } = await import('../../src/inventory/sources/live-kube.js');
    const { BUILTIN_RESOURCES } = await import('../support/fake-kube-server.js');
    const r = await reader({ resources: BUILTIN_RESOURCES.filter((x) => x.kind !== 'NetworkPolicy') });
    const got = await collectKube({ reader: r, kinds: ['NetworkPolicy', 'ScaledObject'] });
    expect(got.denied.get('NetworkPolicy')).toMatch(/not served by this API server/);
    expect(got.kinds.has('ScaledObject')).toBe(true);
  });
});

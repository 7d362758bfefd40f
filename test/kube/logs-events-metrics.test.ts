import { afterEach, describe, expect, it } from 'vitest';
import type { KubeApiError } from '../../src/kube/errors.js';
import { podLogPath } from '../../src/kube/pod-logs.js';
import { ApiKubeReader } from '../../src/kube/reader.js';
import { connectKube } from '../../src/kube/transport.js';
import {
  BUILTIN_RESOURCES,
  type FakeKubeOptions,
  type FakeKubeServer,
  METRICS_RESOURCES,
  startFakeKubeServer,
} from '../support/fake-kube-server.js';
import { pod } from '../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function reader(options: FakeKubeOptions, limits: { maxResponseBytes?: number } = {}) {
  server = await startFakeKubeServer(options);
  const transport = await connectKube({ kubeconfig: server.kubeconfigPath, limits, sleep: async () => {} });
  return new ApiKubeReader(transport);
}

const twoContainers = {
  ...pod('web-1', 'shop'),
  spec: { containers: [{ name: 'app' }, { name: 'proxy' }] },
};

function event(name: string, kind: string, objName: string, at: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'shop' },
    involvedObject: { kind, name: objName, namespace: 'shop', uid: `uid-${objName}` },
    type: 'Warning',
    reason: 'BackOff',
    lastTimestamp: at,
    ...extra,
  };
}

describe('pod logs', () => {
  const logs = {
    'shop/web-1/app': { current: 'one\ntwo\nthree\n', previous: 'panic: cannot reach db\n' },
    'shop/web-1/proxy': { current: 'proxy ready\n' },
  };

  it("reads the previous instance's log of a named container", async () => {
    const r = await reader({ objects: { Pod: [twoContainers] }, logs });
    expect(await r.logs('shop', 'web-1', { container: 'app', previous: true })).toBe('panic: cannot reach db\n');
    const sent = server!.log.find((l) => l.path.endsWith('/log'));
    expect(sent).toMatchObject({ method: 'GET', path: '/api/v1/namespaces/shop/pods/web-1/log' });
    expect(sent?.query).toEqual({ container: 'app', previous: 'true' });
  });

  it('sends tailLines, sinceSeconds and limitBytes, and the server cuts the log to them', async () => {
    const r = await reader({ objects: { Pod: [twoContainers] }, logs });
    expect(await r.logs('shop', 'web-1', { container: 'app', tailLines: 2 })).toBe('two\nthree\n');
    expect(await r.logs('shop', 'web-1', { container: 'app', limitBytes: 3 })).toBe('one');
    await r.logs('shop', 'web-1', { container: 'proxy', sinceSeconds: 3600 });
    expect(server!.log.at(-1)?.query).toEqual({ container: 'proxy', sinceSeconds: '3600' });
  });

  it('raises the 400 with the server message when no previous instance exists', async () => {
    const r = await reader({ objects: { Pod: [twoContainers] }, logs });
    await expect(r.logs('shop', 'web-1', { container: 'proxy', previous: true })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('previous terminated container "proxy"'),
    } satisfies Partial<KubeApiError>);
  });

  it('raises a 404 for a pod that does not exist', async () => {
    const r = await reader({ objects: { Pod: [] } });
    await expect(r.logs('shop', 'gone', {})).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a log larger than the response bound instead of reading it all', async () => {
    const big = { 'shop/web-1/app': { current: 'x'.repeat(64 * 1024) } };
    const r = await reader({ objects: { Pod: [pod('web-1', 'shop')] }, logs: big }, { maxResponseBytes: 1024 });
    await expect(r.logs('shop', 'web-1')).rejects.toThrow(/larger than the .* allowed/);
  });

  it('rejects a tail that is not a positive whole number, naming the pod', () => {
    expect(() => podLogPath('shop', 'web-1', { tailLines: -5 })).toThrow(
      /tailLines must be a positive whole number; got -5 \(pod shop\/web-1\)/,
    );
  });
});

describe('events of one object', () => {
  const events = [
    event('e-old', 'Pod', 'web-1', '2026-01-01T10:00:00Z'),
    event('e-new', 'Pod', 'web-1', '2026-01-01T12:00:00Z'),
    event('e-mid', 'Pod', 'web-1', '2026-01-01T11:00:00Z'),
    event('e-other-pod', 'Pod', 'web-2', '2026-01-01T12:30:00Z'),
    event('e-deploy', 'Deployment', 'web-1', '2026-01-01T12:40:00Z'),
  ];

  it('asks the server with an involvedObject field selector and gets only that object, oldest first', async () => {
    const r = await reader({ objects: { Event: events } });
    const got = await r.events({ kind: 'Pod', namespace: 'shop', name: 'web-1' });
    expect(got.map((e) => e.metadata.name)).toEqual(['e-old', 'e-mid', 'e-new']);
    const list = server!.log.find((l) => l.path === '/api/v1/namespaces/shop/events');
    expect(list?.query.fieldSelector).toBe(
      'involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.namespace=shop',
    );
  });

  it('keeps the newest N events and narrows by uid', async () => {
    const r = await reader({ objects: { Event: events } });
    const got = await r.events({ kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'uid-web-1' }, { limit: 2 });
    expect(got.map((e) => e.metadata.name)).toEqual(['e-mid', 'e-new']);
    expect(server!.log.at(-1)?.query.fieldSelector).toContain('involvedObject.uid=uid-web-1');
  });

  it('raises a 403 when events cannot be listed', async () => {
    const r = await reader({ forbidden: ['Event'] });
    await expect(r.events({ kind: 'Pod', namespace: 'shop', name: 'web-1' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('metrics.k8s.io', () => {
  const nodeMetrics = [
    { metadata: { name: 'n1' }, timestamp: 't', window: '20s', usage: { cpu: '250m', memory: '1Gi' } },
  ];
  const podMetrics = [
    {
      metadata: { name: 'web-1', namespace: 'shop' },
      containers: [{ name: 'app', usage: { cpu: '5m', memory: '20Mi' } }],
    },
    {
      metadata: { name: 'db-0', namespace: 'data' },
      containers: [{ name: 'db', usage: { cpu: '50m', memory: '1Gi' } }],
    },
  ];
  const resources = [...BUILTIN_RESOURCES, ...METRICS_RESOURCES];

  it('reads node and pod usage when metrics-server serves the API', async () => {
    const r = await reader({ resources, objects: { NodeMetrics: nodeMetrics, PodMetrics: podMetrics } });
    expect(await r.nodeMetrics()).toEqual({
      served: true,
      items: [expect.objectContaining({ usage: nodeMetrics[0].usage })],
    });
    const pods = await r.podMetrics('shop');
    expect(pods.served && pods.items.map((p) => p.metadata.name)).toEqual(['web-1']);
    expect(server!.log.at(-1)?.path).toBe('/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods');
  });

  it('says usage is not served, instead of failing, when the cluster has no metrics API', async () => {
    const r = await reader({});
    const got = await r.nodeMetrics();
    expect(got.served).toBe(false);
    expect(!got.served && got.reason).toMatch(/not served by this cluster.*404/);
  });

  it('says usage is unavailable when the metrics API answers 503', async () => {
    const r = await reader({ resources, faults: { PodMetrics: 'unavailable' } });
    const got = await r.podMetrics();
    expect(!got.served && got.reason).toMatch(/metrics-server unavailable.*503/);
  });

  it('says usage is forbidden when RBAC refuses it', async () => {
    const r = await reader({ resources, forbidden: ['NodeMetrics'] });
    const got = await r.nodeMetrics();
    expect(!got.served && got.reason).toMatch(/forbidden/);
  });

  it('sends only GET requests for logs, events and metrics', async () => {
    const r = await reader({ resources, objects: { Pod: [pod('web-1', 'shop')], NodeMetrics: nodeMetrics } });
    await r.logs('shop', 'web-1');
    await r.events({ kind: 'Pod', namespace: 'shop', name: 'web-1' });
    await r.nodeMetrics();
    expect(new Set(server!.log.map((l) => l.method))).toEqual(new Set(['GET']));
  });
});

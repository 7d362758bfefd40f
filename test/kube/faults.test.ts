import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectKube } from '../../src/inventory/sources/live-kube.js';
import { listAll } from '../../src/kube/list-all.js';
import { ApiKubeReader } from '../../src/kube/reader.js';
import { connectKube, type KubeLimits } from '../../src/kube/transport.js';
import { type FakeKubeOptions, type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';
import { deployment, namespace } from '../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SMALL: Partial<KubeLimits> = {
  connectTimeoutMs: 500,
  firstByteTimeoutMs: 200,
  totalTimeoutMs: 400,
  maxResponseBytes: 1024 * 1024,
  maxAttempts: 2,
  maxRetryAfterMs: 5_000,
};

async function reader(options: FakeKubeOptions, sleeps: number[] = [], limits: Partial<KubeLimits> = SMALL) {
  server = await startFakeKubeServer(options);
  const transport = await connectKube({
    kubeconfig: server.kubeconfigPath,
    limits,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return new ApiKubeReader(transport);
}

/** Reads the kinds the way live verify does and returns what reached the inventory. */
async function collect(options: FakeKubeOptions, kinds: string[], limits?: Partial<KubeLimits>) {
  const r = await reader(options, [], limits);
  const started = Date.now();
  const got = await collectKube({ reader: r, kinds });
  return { got, ms: Date.now() - started };
}

describe('live reading under faults', () => {
  it('stops a list whose continue token repeats, and makes the kind unread with the reason', async () => {
    const { got, ms } = await collect(
      { objects: { Deployment: [deployment('a', 'shop')] }, faults: { Deployment: 'repeat-continue' } },
      ['Deployment', 'Namespace'],
    );
    expect(got.kinds.has('Deployment')).toBe(false);
    expect(got.denied.get('Deployment')).toMatch(/same continue token twice/);
    expect(got.kinds.has('Namespace')).toBe(true);
    expect(server!.log.filter((l) => l.path === '/apis/apps/v1/deployments').length).toBe(2);
    expect(ms).toBeLessThan(5_000);
  });

  it('cuts off a body that trickles in at the whole-request limit', async () => {
    const { got, ms } = await collect({ faults: { Deployment: 'trickle' } }, ['Deployment']);
    expect(got.denied.get('Deployment')).toMatch(/did not complete within 400 ms/);
    expect(ms).toBeLessThan(3_000);
  });

  it('gives up on a server that never answers after the first-byte limit and the retries', async () => {
    const { got, ms } = await collect({ faults: { Deployment: 'hang' } }, ['Deployment']);
    expect(got.denied.get('Deployment')).toMatch(/no response came within 200 ms/);
    expect(got.denied.get('Deployment')).toMatch(/after 2 attempt/);
    expect(ms).toBeLessThan(3_000);
  });

  it('does not wait an hour for Retry-After: the kind becomes unread, saying what the server asked', async () => {
    const sleeps: number[] = [];
    const r = await reader(
      { throttle: { Deployment: { times: Number.POSITIVE_INFINITY, retryAfter: '3600' } } },
      sleeps,
    );
    const got = await collectKube({ reader: r, kinds: ['Deployment'] });
    expect(got.denied.get('Deployment')).toMatch(/retry after 3600 s, longer than the 5 s allowed/);
    expect(sleeps).toEqual([]);
  });

  it('caps the attempts of a 429 storm that asks for short waits', async () => {
    const sleeps: number[] = [];
    const r = await reader({ throttle: { Deployment: { times: Number.POSITIVE_INFINITY, retryAfter: '1' } } }, sleeps);
    const got = await collectKube({ reader: r, kinds: ['Deployment'] });
    expect(got.denied.get('Deployment')).toMatch(/429/);
    expect(sleeps).toEqual([1000]);
  });

  it('refuses a page over the response size limit with a message, not a crash', async () => {
    // Only the size limit is under test: time limits with room, so a loaded machine cannot turn it into a timeout.
    const { got } = await collect(
      { faults: { Deployment: 'oversized' }, oversizedBytes: 2 * 1024 * 1024 },
      ['Deployment'],
      { ...SMALL, firstByteTimeoutMs: 10_000, totalTimeoutMs: 20_000 },
    );
    expect(got.denied.get('Deployment')).toMatch(/larger than the 1\.0 MiB allowed/);
    expect(server!.log.filter((l) => l.path === '/apis/apps/v1/deployments').length).toBe(1);
  });

  it('reports a body that is not JSON as a kind that was not read', async () => {
    const { got } = await collect({ faults: { Deployment: 'invalid-body' } }, ['Deployment']);
    expect(got.denied.get('Deployment')).toMatch(/body that is not JSON/);
  });

  it('stops a list that goes on past the page limit', async () => {
    const r = await reader({ objects: { Namespace: Array.from({ length: 5 }, (_, i) => namespace(`n${i}`)) } });
    await expect(listAll(r, 'Namespace', { pageSize: 1, maxPages: 3, onPage: () => {} })).rejects.toThrow(
      /more than 3 pages of 1/,
    );
  });
});

describe('kubeconfig credentials', () => {
  function kubeconfig(url: string, user: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-kc-'));
    const file = join(dir, 'config');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        `clusters: [{ name: c, cluster: { server: "${url}", insecure-skip-tls-verify: true } }]`,
        `users: [{ name: u, user: ${user} }]`,
        'contexts: [{ name: x, context: { cluster: c, user: u } }]',
        'current-context: x',
        '',
      ].join('\n'),
    );
    return file;
  }

  it("sends the token of kubectl's tokenFile field, read from the file", async () => {
    server = await startFakeKubeServer({ objects: { Namespace: [namespace('a')] } });
    const dir = mkdtempSync(join(tmpdir(), 'slipway-token-'));
    writeFileSync(join(dir, 'token'), 'test-token\n');
    const file = kubeconfig(server.url, `{ tokenFile: ${join(dir, 'token')} }`);
    const r = new ApiKubeReader(await connectKube({ kubeconfig: file }));
    const page = await r.list('Namespace');
    expect(page.items.map((o) => o.metadata.name)).toEqual(['a']);
  });

  it('never shows a password written into the server URL', async () => {
    server = await startFakeKubeServer({ requireAuth: false, faults: { Namespace: 'hang' } });
    const url = server.url.replace('http://', 'http://admin:s3cret@');
    const t = await connectKube({ kubeconfig: kubeconfig(url, '{ token: x }'), limits: { ...SMALL, maxAttempts: 1 } });
    expect(t.server).not.toContain('s3cret');
    const failure = await t.get('/api/v1/namespaces').catch((e: Error) => e.message);
    expect(failure).not.toContain('s3cret');
    expect(failure).toContain('redacted@');
  });

  it('ends an exec credential plugin that hangs, naming the command', async () => {
    server = await startFakeKubeServer({});
    const dir = mkdtempSync(join(tmpdir(), 'slipway-exec-'));
    const plugin = join(dir, 'get-token');
    writeFileSync(plugin, '#!/bin/sh\nsleep 30\n');
    chmodSync(plugin, 0o755);
    const file = kubeconfig(
      server.url,
      `{ exec: { apiVersion: client.authentication.k8s.io/v1, command: ${plugin} } }`,
    );
    const t = await connectKube({ kubeconfig: file, limits: { ...SMALL, execTimeoutMs: 200, maxAttempts: 1 } });
    const started = Date.now();
    await expect(t.get('/api')).rejects.toThrow(/credential plugin .*get-token did not answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

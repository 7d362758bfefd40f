import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig } from '../../../src/config/load.js';
import { jsonDocuments, loadDumpInventory } from '../../../src/inventory/sources/dump.js';
import { collectLiveInventory } from '../../../src/inventory/sources/live.js';
import { type FakeKubeServer, startFakeKubeServer } from '../../support/fake-kube-server.js';
import { deployment, networkPolicy, node, pod } from '../../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const strip = (o: Record<string, unknown>) => {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
};

/** The layout `kubectl cluster-info dump --output-directory` writes (typed lists, items without kind). */
function clusterInfoDump(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-dump-'));
  writeFileSync(
    join(dir, 'nodes.json'),
    JSON.stringify(
      { kind: 'NodeList', apiVersion: 'v1', items: [node('n1', 'us-east-1a'), node('n2', 'us-east-1a')].map(strip) },
      null,
      4,
    ),
  );
  mkdirSync(join(dir, 'shop', 'api-1'), { recursive: true });
  writeFileSync(
    join(dir, 'shop', 'deployments.json'),
    JSON.stringify({ kind: 'DeploymentList', apiVersion: 'apps/v1', items: [deployment('api', 'shop')].map(strip) }),
  );
  writeFileSync(
    join(dir, 'shop', 'pods.json'),
    JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [strip(pod('api-1', 'shop'))] }),
  );
  writeFileSync(join(dir, 'shop', 'events.json'), JSON.stringify({ kind: 'EventList', apiVersion: 'v1', items: [] }));
  writeFileSync(
    join(dir, 'shop', 'api-1', 'logs.txt'),
    '==== START logs for container app of pod shop/api-1 ====\n{ not json\n',
  );
  return dir;
}

describe('kubectl dumps', () => {
  it('reads a cluster-info dump directory: nodes.json at the top, <namespace>/<kind>.json Lists, logs skipped', async () => {
    const inv = await loadDumpInventory(clusterInfoDump(), { kinds: ['Node', 'Deployment', 'NetworkPolicy'] });
    expect(inv.coverage.mode).toBe('dump');
    expect(inv.kube('Node').map((n) => n.object.metadata.name)).toEqual(['n1', 'n2']);
    expect(inv.kube('Deployment')[0].object.apiVersion).toBe('apps/v1');
    expect(inv.kube('Pod')[0].source.file).toBe(join('shop', 'pods.json'));
    expect(inv.hasKind('Service')).toBe(true);
    expect(inv.coverage.kubeDenied.get('NetworkPolicy')).toMatch(/not in the dump/);
    expect(inv.problems).toEqual([]);
  });

  it('reads `kubectl get … -A -o json` output (a List of mixed kinds) and redacts Secret values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-dump-'));
    const file = join(dir, 'all.json');
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'shop' },
      data: { password: 'aHVudGVyMg==' },
    };
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [deployment('a', 'shop'), networkPolicy('np', 'shop'), secret],
      }),
    );
    const inv = await loadDumpInventory(file);
    expect(
      inv
        .kube()
        .map((r) => r.object.kind)
        .sort(),
    ).toEqual(['Deployment', 'NetworkPolicy', 'Secret']);
    expect(inv.kube('Secret')[0].object.data).toEqual({ password: '(redacted)' });
  });

  it('reads concatenated JSON documents with pod-log sections between them (cluster-info dump on stdout)', () => {
    const text = `${JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', items: [] }, null, 2)}\n==== START logs for container app of pod a/b ====\n{"level":"info"\n==== END logs for container app of pod a/b ====\n{"kind":"PodList","apiVersion":"v1","items":[]}\n`;
    expect(jsonDocuments(text).map((d) => (d as { kind: string }).kind)).toEqual(['NodeList', 'PodList']);
  });

  it('gives the same objects as the live API serving them', async () => {
    const objects = { Node: [node('n1', 'us-east-1a')], Deployment: [deployment('api', 'shop', 2)] };
    server = await startFakeKubeServer({ objects });
    const env = (await loadConfig(bundledExamplePath())).environments.prod;
    const live = await collectLiveInventory({
      needs: { kube: ['Deployment', 'Node'], aws: [] },
      env,
      // Whole objects: by default a live verify keeps only the fields the rules read (live-fields.test.ts).
      kube: { kubeconfig: server.kubeconfigPath, fields: 'all' },
    });
    const dir = mkdtempSync(join(tmpdir(), 'slipway-dump-'));
    writeFileSync(
      join(dir, 'get.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...objects.Node, ...objects.Deployment] }),
    );
    const dump = await loadDumpInventory(dir);
    const view = (inv: typeof live) => inv.kube().map((r) => [r.id, r.object]);
    expect(view(dump)).toEqual(view(live));
  });

  it('says clearly when the path does not exist', async () => {
    await expect(loadDumpInventory('/nonexistent/dump')).rejects.toThrow(/no such file or directory/);
  });
});

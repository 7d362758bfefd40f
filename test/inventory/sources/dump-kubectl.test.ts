import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig } from '../../../src/config/load.js';
import type { Inventory } from '../../../src/inventory/inventory.js';
import { loadDumpInventory } from '../../../src/inventory/sources/dump.js';
import { collectLiveInventory } from '../../../src/inventory/sources/live.js';
import { type FakeKubeServer, startFakeKubeServer } from '../../support/fake-kube-server.js';
import { deployment, namespace, node, pod } from '../../support/kube-fixtures.js';

const run = promisify(execFile);
const hasKubectl = await run('kubectl', ['version', '--client'], { timeout: 20_000 }).then(
  () => true,
  () => false,
);

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const objects = {
  Namespace: [namespace('shop')],
  Node: [node('n1', 'us-east-1a'), node('n2', 'us-east-1b')],
  Deployment: [deployment('web', 'shop', 2)],
  Pod: [pod('web-1', 'shop', { restarts: 3 })],
};
const view = (inv: Inventory, kinds: string[]) =>
  inv
    .kube()
    .filter((r) => kinds.includes(r.object.kind))
    // cluster-info dump round-trips objects through typed structs (empty defaults appear), so compare the facts.
    .map((r) => {
      const spec = r.object.spec as
        | { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } }
        | undefined;
      const status = r.object.status as { containerStatuses?: { restartCount?: number }[] } | undefined;
      return [
        r.id,
        r.object.apiVersion,
        r.object.metadata.labels,
        spec?.replicas,
        spec?.template?.spec?.containers?.[0]?.image,
        status?.containerStatuses?.[0]?.restartCount,
      ];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

// Real kubectl output, produced against the fake API server (kubectl sends no bearer token over http).
describe.skipIf(!hasKubectl)('dumps written by the real kubectl', () => {
  it('reads `kubectl get -A -o json` and `kubectl cluster-info dump` (directory and stdout) like the live API', async () => {
    server = await startFakeKubeServer({ objects, requireAuth: false });
    const kc = ['--kubeconfig', server.kubeconfigPath];
    const dir = mkdtempSync(join(tmpdir(), 'slipway-kubectl-'));
    const get = await run('kubectl', ['get', 'deployments,nodes,pods', '-A', '-o', 'json', ...kc], {
      maxBuffer: 1 << 26,
    });
    writeFileSync(join(dir, 'get.json'), get.stdout);
    await run('kubectl', ['cluster-info', 'dump', '-A', '--output-directory', join(dir, 'cid'), ...kc]);
    const stdout = await run('kubectl', ['cluster-info', 'dump', '-A', ...kc], { maxBuffer: 1 << 26 });
    writeFileSync(join(dir, 'cid.txt'), stdout.stdout);

    const env = (await loadConfig(bundledExamplePath())).environments.prod;
    const kinds = ['Deployment', 'Node', 'Pod'];
    const live = await collectLiveInventory({
      needs: { kube: kinds, aws: [] },
      env,
      kube: { kubeconfig: server.kubeconfigPath },
    });
    const expected = view(live, kinds);
    expect(expected).toHaveLength(4);
    expect(view(await loadDumpInventory(join(dir, 'get.json')), kinds)).toEqual(expected);
    expect(view(await loadDumpInventory(join(dir, 'cid')), kinds)).toEqual(expected);
    expect(view(await loadDumpInventory(join(dir, 'cid.txt')), kinds)).toEqual(expected);
  });
});

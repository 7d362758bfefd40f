import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig } from '../../../src/config/load.js';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { collectLiveInventory, imagesOf } from '../../../src/inventory/sources/live.js';
import type { KubeProgress } from '../../../src/inventory/sources/live-kube.js';
import { needsOf } from '../../../src/inventory/sources/needs.js';
import { type FakeKubeServer, kubeconfigYaml, startFakeKubeServer } from '../../support/fake-kube-server.js';
import { deployment, networkPolicy, node } from '../../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function prodEnv(): Promise<EnvironmentConfig> {
  const config = await loadConfig(bundledExamplePath());
  return config.environments.prod;
}

const deployments = (n: number) => Array.from({ length: n }, (_, i) => deployment(`web-${i}`, `team-${i % 4}`));

describe('live Kubernetes inventory', () => {
  it('collects 1,200 Deployments once each although a continue token expires mid-list', async () => {
    server = await startFakeKubeServer({
      objects: { Deployment: deployments(1200) },
      expireContinueOnce: ['Deployment'],
    });
    const inv = await collectLiveInventory({
      needs: { kube: ['Deployment'], aws: [] },
      env: await prodEnv(),
      kube: { kubeconfig: server.kubeconfigPath },
    });
    expect(inv.kube('Deployment')).toHaveLength(1200);
    expect(new Set(inv.kube('Deployment').map((r) => r.id)).size).toBe(1200);
    expect(inv.coverage.mode).toBe('live');
    expect(inv.hasKind('Deployment')).toBe(true);
    expect(inv.coverage.notes.some((n) => n.includes('continue token expired'))).toBe(true);
    expect(inv.kube('Deployment')[0].source).toEqual({ cluster: 'fake' });
  });

  it('makes a forbidden kind unknown with the RBAC reason and still reads the others', async () => {
    server = await startFakeKubeServer({
      objects: { Node: [node('n1', 'us-east-1a')], NetworkPolicy: [networkPolicy('deny', 'shop')] },
      forbidden: ['NetworkPolicy'],
    });
    const inv = await collectLiveInventory({
      needs: { kube: ['NetworkPolicy', 'Node'], aws: [] },
      env: await prodEnv(),
      kube: { kubeconfig: server.kubeconfigPath },
    });
    expect(inv.hasKind('NetworkPolicy')).toBe(false);
    expect(inv.coverage.kubeDenied.get('NetworkPolicy')).toBe(
      'forbidden: list networkpolicies.networking.k8s.io at cluster scope (RBAC)',
    );
    expect(inv.kube('Node')).toHaveLength(1);
  });

  it('reads only the kinds the rules need, with GET only, and notes kinds the cluster does not serve', async () => {
    server = await startFakeKubeServer({ objects: { Deployment: deployments(3), Node: [node('n1', 'a')] } });
    const needs = needsOf([{ meta: { needs: { kube: ['Deployment', 'ScaledObject'] } } }]);
    const progress: KubeProgress[] = [];
    const inv = await collectLiveInventory({
      needs,
      env: await prodEnv(),
      kube: { kubeconfig: server.kubeconfigPath },
      onProgress: (p) => progress.push(p),
    });
    const listed = server.log.filter(
      (l) => !['/api', '/apis'].includes(l.path) && !/^\/apis?\/[^/]+(\/[^/]+)?$/.test(l.path),
    );
    expect(listed.map((l) => l.path)).toEqual(['/apis/apps/v1/deployments']);
    expect(new Set(server.log.map((l) => l.method))).toEqual(new Set(['GET']));
    expect(inv.hasKind('ScaledObject')).toBe(true);
    expect(inv.kube('ScaledObject')).toEqual([]);
    expect(inv.coverage.notes.some((n) => n.startsWith('ScaledObject (keda.sh/v1alpha1) is not served'))).toBe(true);
    expect(progress.filter((p) => p.done).map((p) => p.kindsDone)).toEqual([1, 2]);
  });

  it('reads one namespace with -n', async () => {
    server = await startFakeKubeServer({ objects: { Deployment: deployments(8), Node: [node('n1', 'a')] } });
    const inv = await collectLiveInventory({
      needs: { kube: ['Deployment', 'Node'], aws: [] },
      env: await prodEnv(),
      kube: { kubeconfig: server.kubeconfigPath, namespace: 'team-1' },
    });
    expect(inv.kube('Deployment').map((d) => d.object.metadata.name)).toEqual(['web-1', 'web-5']);
    expect(inv.kube('Node')).toHaveLength(1);
    expect(server.log.some((l) => l.path === '/apis/apps/v1/namespaces/team-1/deployments')).toBe(true);
  });

  it('fails with a clear error when the credentials are rejected', async () => {
    server = await startFakeKubeServer({});
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'slipway-kc-')), 'config');
    writeFileSync(kubeconfig, kubeconfigYaml(server.url, 'wrong-token'));
    await expect(
      collectLiveInventory({ needs: { kube: ['Node'], aws: [] }, env: await prodEnv(), kube: { kubeconfig } }),
    ).rejects.toThrow(/401/);
  });

  it('leaves AWS facts unknown with --no-aws', async () => {
    const inv = await collectLiveInventory({
      needs: { kube: [], aws: ['AWS::EKS::Nodegroup'] },
      env: await prodEnv(),
      aws: false,
    });
    expect(inv.hasAwsType('AWS::EKS::Nodegroup')).toBe(false);
    expect(inv.coverage.awsDenied.get('AWS::EKS::Nodegroup')).toMatch(/--no-aws/);
  });

  it('lists the images of pods and pod templates', () => {
    const d = deployment('a', 'x', 1, { image: 'repo/a:1' });
    expect(imagesOf([{ id: 'x', object: d as never, source: {}, locate: () => ({}) }])).toEqual(['repo/a:1']);
  });
});

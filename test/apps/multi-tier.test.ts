import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeApps } from '../../src/apps/synth.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { tierSecretStoreName, tierSecretStoreRoleArn } from '../../src/platform/tier-secret-store.js';
import { envWith, find, type Obj, objectsOf, synthObjects } from './helpers.js';

let env: EnvironmentConfig;
let objects: (Obj & { file: string })[];
let files: Map<string, string>;
beforeAll(async () => {
  env = (await loadConfig(bundledExamplePath())).environments.prod;
  files = synthesizeApps(env).files;
  objects = objectsOf(files);
});

const inNs = (ns: string) => objects.filter((o) => o.metadata.namespace === ns);
const policy = (ns: string, name: string) => find(inNs(ns), 'NetworkPolicy', name);

describe('multi-tier pattern (Pattern 5) on the bundled example', () => {
  const tiers = ['backend', 'data', 'frontend', 'workers'];

  it('puts each tier in its own namespace with default deny, DNS, a quota and limits', () => {
    for (const ns of tiers) {
      expect(find(objects, 'Namespace', ns).metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
      expect(policy(ns, 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const dns = policy(ns, 'allow-dns').spec.egress[0];
      expect(dns.to[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
      expect(dns.ports).toEqual([
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ]);
      expect(Object.keys(find(inNs(ns), 'ResourceQuota', 'compute').spec.hard)).toEqual(
        expect.arrayContaining(['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'pods']),
      );
      expect(find(inNs(ns), 'LimitRange', 'container-defaults').spec.limits[0].type).toBe('Container');
    }
  });

  it('sizes the data quota for its volumes', () => {
    const hard = find(inNs('data'), 'ResourceQuota', 'compute').spec.hard;
    expect(hard.persistentvolumeclaims).toBe('2');
    expect(hard['requests.storage']).toBe('132Gi');
  });

  it('gives every tier with secrets its own SecretStore through a scoped role, used by its ExternalSecrets', () => {
    for (const ns of ['backend', 'data', 'workers']) {
      const store = find(inNs(ns), 'SecretStore', tierSecretStoreName(ns));
      expect(store.spec.provider.aws).toEqual({
        service: 'SecretsManager',
        region: 'us-east-1',
        role: tierSecretStoreRoleArn(env, ns),
      });
    }
    expect(objects.some((o) => o.kind === 'SecretStore' && o.metadata.namespace === 'frontend')).toBe(false);
    for (const es of objects.filter((o) => o.kind === 'ExternalSecret')) {
      expect(es.spec.secretStoreRef).toEqual({
        kind: 'SecretStore',
        name: tierSecretStoreName(es.metadata.namespace as string),
      });
    }
  });

  it('allows api → postgres on 5432 both ways across namespaces, and nothing undeclared', () => {
    const egress = policy('backend', 'api').spec.egress;
    expect(egress).toContainEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } },
        },
      ],
      ports: [{ protocol: 'TCP', port: 5432 }],
    });
    const from = policy('data', 'postgres').spec.ingress[0].from.map(
      (p: { podSelector: { matchLabels: Record<string, string> } }) =>
        p.podSelector.matchLabels['app.kubernetes.io/name'],
    );
    expect(from).toEqual(['api', 'daily-report', 'orders-worker']);
    const redisFrom = policy('data', 'redis').spec.ingress[0].from;
    expect(redisFrom).toHaveLength(1);
  });

  it('lets the ALB reach public web pods from the VPC range, and only AWS callers reach port 443', () => {
    const ingress = policy('frontend', 'frontend').spec.ingress;
    expect(ingress).toContainEqual({
      from: [{ ipBlock: { cidr: '10.0.0.0/16' } }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    });
    const anyWhere443 = (o: Obj) =>
      (o.spec.egress ?? []).some((r: { to?: { ipBlock?: { cidr: string } }[] }) =>
        r.to?.some((t) => t.ipBlock?.cidr === '0.0.0.0/0'),
      );
    const open = objects.filter((o) => o.kind === 'NetworkPolicy' && anyWhere443(o)).map((o) => o.metadata.name);
    expect(open.sort()).toEqual(['api', 'daily-report', 'orders-worker']);
  });

  it('has a kustomization listing every file of each app folder, and an Argo CD Application per app', () => {
    for (const app of env.apps) {
      const kust = [...files.keys()].filter((f) => f.startsWith(`${app.name}/`) && !f.endsWith('kustomization.yaml'));
      expect(files.get(`${app.name}/kustomization.yaml`)).toContain('kind: Kustomization');
      for (const f of kust) expect(files.get(`${app.name}/kustomization.yaml`)).toContain(f.split('/')[1]);
      const argo = find(objects, 'Application', `shop-${app.name}`);
      expect(argo.metadata.namespace).toBe('argocd');
      expect(argo.spec.source).toEqual({
        repoURL: 'https://github.com/shop/deploy.git',
        path: `out/prod/apps/${app.name}`,
        targetRevision: 'HEAD',
      });
      expect(argo.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    }
    expect(find(objects, 'Application', 'shop-namespaces').spec.source.path).toBe('out/prod/apps/_namespaces');
  });

  it('takes the repository, revision and base path from the source it is given', () => {
    const out = objectsOf(
      synthesizeApps(env, {
        source: {
          tool: 'argocd',
          repoURL: 'https://github.com/acme/deploy.git',
          targetRevision: 'main',
          basePath: 'k8s/prod',
          prune: false,
          selfHeal: true,
        },
      }).files,
    );
    expect(find(out, 'Application', 'shop-api').spec.source).toEqual({
      repoURL: 'https://github.com/acme/deploy.git',
      path: 'k8s/prod/api',
      targetRevision: 'main',
    });
    expect(find(out, 'Application', 'shop-api').spec.syncPolicy.automated).toEqual({ prune: false, selfHeal: true });
  });

  it('orders the sync waves by dependency: namespaces, then stores, then the apps that call them', () => {
    const wave = (name: string) =>
      Number(find(objects, 'Application', name).metadata.annotations?.['argocd.argoproj.io/sync-wave']);
    expect(wave('shop-namespaces')).toBe(-1);
    expect(wave('shop-postgres')).toBe(0);
    expect(wave('shop-redis')).toBe(0);
    expect(wave('shop-api')).toBeGreaterThan(wave('shop-postgres'));
    expect(wave('shop-frontend')).toBeGreaterThan(wave('shop-api'));
  });

  it('writes a root Application over argocd/ and a root kustomization over every folder', () => {
    const root = find(objects, 'Application', 'shop-gitops-root');
    expect(root.file).toBe('argocd-root.yaml');
    expect(root.spec.source.path).toBe('out/prod/apps/argocd');
    expect(files.get('argocd/kustomization.yaml')).not.toContain('root');
    const top = files.get('kustomization.yaml') ?? '';
    for (const dir of ['_namespaces', ...env.apps.map((a) => a.name)]) expect(top).toContain(`  - ${dir}\n`);
    expect(top).not.toContain('argocd');
  });
});
describe('apps without tiers', () => {
  it('live in the project namespace with the same baseline and read through the ClusterSecretStore', () => {
    const { objects: objs } = synthObjects(
      envWith([
        { name: 'site', pattern: 'web', image: 'docker.io/library/nginx:1.27', port: 8080, secrets: ['site/key'] },
      ]),
    );
    expect(find(objs, 'Deployment', 'site').metadata.namespace).toBe('demo');
    expect(find(objs, 'Namespace', 'demo')).toBeDefined();
    expect(find(objs, 'NetworkPolicy', 'default-deny').metadata.namespace).toBe('demo');
    expect(find(objs, 'ResourceQuota', 'compute').metadata.namespace).toBe('demo');
    expect(find(objs, 'ExternalSecret', 'site-site-key').spec.secretStoreRef.kind).toBe('ClusterSecretStore');
    expect(objs.some((o) => o.kind === 'SecretStore')).toBe(false);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inventoryFromPaths } from '../../../src/inventory/sources/static-inventory.js';
import rule from '../../../src/rules/operations/gitops-source.js';
import { inventory, type Obj, run } from '../helpers.js';

function application(repoURL: string, path = 'deploy/prod/apps/api', prune = true): Obj {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'shop-api', namespace: 'argocd' },
    spec: {
      source: { repoURL, path, targetRevision: 'HEAD' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'backend' },
      syncPolicy: { automated: { prune, selfHeal: true } },
    },
  };
}

const statuses = (objects: Obj[], env: 'test' | 'prod' = 'prod') =>
  run(rule, inventory({ kube: objects }), env).map((r) => r.status);

describe('operations.gitops-source', () => {
  it('passes an Application on a real https or ssh repository', () => {
    expect(statuses([application('https://github.com/acme/shop.git')])).toEqual(['pass']);
    expect(statuses([application('git@github.com:acme/shop.git')])).toEqual(['pass']);
  });

  it('fails a repository URL that is not a Git URL', () => {
    expect(statuses([application('github.com acme shop', 'x', false)])).toEqual(['fail']);
  });

  it('fails automated prune on a placeholder repository, in test as well', () => {
    const placeholder = application('https://git.example.com/REPLACE-ME/deploy.git');
    expect(statuses([placeholder])).toEqual(['fail']);
    expect(statuses([placeholder], 'test')).toEqual(['fail']);
  });

  it('fails an example-domain repository in prod and warns in test when nothing is pruned', () => {
    const example = application('https://git.example.com/acme/deploy.git', 'deploy/prod/apps/api', false);
    expect(statuses([example])).toEqual(['fail']);
    expect(statuses([example], 'test')).toEqual(['warn']);
  });

  it('checks Flux GitRepositories by their url', () => {
    const repo = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'shop-deploy', namespace: 'flux-system' },
      spec: { url: 'ssh://git@git.test/acme/shop.git', interval: '10m' },
    };
    expect(statuses([repo])).toEqual(['fail']);
  });

  it('is unknown, never a pass, when a live cluster refused to list Applications', () => {
    const inv = inventory({
      mode: 'live',
      kubeDenied: { Application: 'forbidden: cannot list applications.argoproj.io' },
    });
    expect(run(rule, inv, 'prod').map((r) => r.status)).toEqual(['unknown']);
  });

  it('skips when the sources hold no GitOps objects', () => {
    expect(statuses([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }])).toEqual(['skip']);
  });

  describe('read from files in a Git checkout', () => {
    const repo = mkdtempSync(join(tmpdir(), 'slipway-gitops-rule-'));
    afterAll(() => rmSync(repo, { recursive: true, force: true }));
    execFileSync('git', ['init', '-q', repo]);
    mkdirSync(join(repo, 'deploy', 'prod', 'apps', 'argocd'), { recursive: true });
    mkdirSync(join(repo, 'deploy', 'prod', 'apps', 'api'));
    const write = (name: string, path: string) =>
      writeFileSync(
        join(repo, 'deploy', 'prod', 'apps', 'argocd', name),
        JSON.stringify(application('https://github.com/acme/shop.git', path)),
      );
    write('api.json', 'deploy/prod/apps/api');
    write('worker.json', 'rendered/prod/apps/worker');
    const flux = {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'shop-api', namespace: 'flux-system' },
      spec: { path: './deploy/prod/apps/api', prune: true, sourceRef: { kind: 'GitRepository', name: 'shop-deploy' } },
    };
    writeFileSync(join(repo, 'deploy', 'prod', 'apps', 'argocd', 'flux.json'), JSON.stringify(flux));

    it('passes a path that exists from the repository root and fails one that does not', async () => {
      const inv = await inventoryFromPaths(['deploy/prod/apps/argocd'], { cwd: repo });
      const results = run(rule, inv);
      const byFile = (f: string) => results.filter((r) => r.resource?.source.file?.endsWith(f)).map((r) => r.status);
      expect(byFile('api.json')).toEqual(['pass']);
      expect(byFile('worker.json')).toEqual(['fail']);
      expect(byFile('flux.json')).toEqual(['pass']);
      expect(results.find((r) => r.status === 'fail')?.path).toEqual(['spec', 'source', 'path']);
    });
  });
});

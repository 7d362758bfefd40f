import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveGitSource } from '../../src/apps/git-source.js';
import type { ConfigFileInput } from '../../src/config/schema/file.js';
import { envWith } from './helpers.js';

const outside = mkdtempSync(join(tmpdir(), 'slipway-git-source-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

function env(name: 'test' | 'prod', gitops: Record<string, unknown>, addons: Record<string, boolean> = {}) {
  return envWith([], name, { gitops, addons } as Partial<ConfigFileInput>);
}

describe('resolving the Git source of an environment', () => {
  it('takes prune and self-heal from the config', () => {
    const r = resolveGitSource(env('prod', { repoURL: 'https://github.com/acme/shop.git', prune: false }));
    expect(r.source).toMatchObject({ prune: false, selfHeal: true, basePath: 'out/prod/apps' });
  });

  it('rejects a repoURL that is not a Git URL, saying what is allowed', () => {
    const r = resolveGitSource(env('test', { repoURL: 'shop-deploy' }));
    expect(r.source).toBeUndefined();
    expect(r.errors[0]).toMatch(/environments\.test\.gitops\.repoURL is "shop-deploy".*allowed/);
  });

  it('requires gitops.path outside a repository when Argo CD is switched on, even in test', () => {
    const r = resolveGitSource(env('test', { repoURL: 'https://github.com/acme/shop.git' }, { argocd: true }), {
      appsDir: join(outside, 'out', 'test', 'apps'),
    });
    expect(r.errors.join('\n')).toMatch(/set environments\.test\.gitops\.path/);
  });

  it('rejects a gitops.path that climbs out of the repository', () => {
    const r = resolveGitSource(env('prod', { repoURL: 'https://github.com/acme/shop.git', path: '../elsewhere' }));
    expect(r.errors[0]).toMatch(/gitops\.path is "\.\.\/elsewhere"/);
  });
});

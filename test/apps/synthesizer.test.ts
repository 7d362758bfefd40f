import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { appsSynthesizer, writeApps } from '../../src/apps/synthesizer.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { checkOutputDir } from '../../src/util/owned-output.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-apps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let test: EnvironmentConfig;
let prod: EnvironmentConfig;
beforeAll(async () => {
  const config = await loadConfig(bundledExamplePath());
  test = config.environments.test;
  prod = config.environments.prod;
});

/** The prod environment with its gitops settings replaced (the example's own repoURL and path removed). */
function prodWith(gitops: Partial<EnvironmentConfig['gitops']>): EnvironmentConfig {
  return { ...prod, gitops: { tool: 'argocd', targetRevision: 'HEAD', requireRepository: true, ...gitops } };
}

/** A fresh Git repository with an origin remote, made by git itself. */
function gitRepo(name: string, origin?: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  if (origin) execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', origin]);
  return dir;
}

function yamlOf(path: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS());
}

describe('writing the apps part of slipway synth', () => {
  it('writes <out>/<test>/apps, drops the files of a removed app, and points Argo CD at <out>/<test>/apps', async () => {
    const out = join(root, 'out');
    const withExtra: EnvironmentConfig = { ...test, apps: [...test.apps, { ...test.apps[0], name: 'removed-app' }] };
    await writeApps(withExtra, out);
    expect(existsSync(join(out, 'test', 'apps', 'removed-app', 'kustomization.yaml'))).toBe(true);
    const result = await writeApps(test, out);
    expect(existsSync(join(out, 'test', 'apps', 'removed-app'))).toBe(false);
    expect(existsSync(join(out, 'test', 'apps', 'kustomization.yaml'))).toBe(true);
    expect(result.part).toBe('apps');
    expect(result.rows.find((r) => r.component === 'api (web)')).toMatchObject({
      resources: 9,
      detail: expect.stringContaining('ExternalSecret x2'),
    });
  });
});

describe('the Git source of generated Applications', () => {
  it('uses the folder path from the repository root and the origin remote, for config in a subfolder and a custom --out', async () => {
    const repo = gitRepo('user-repo', 'https://deploy-bot:s3cret@github.com/acme/shop.git');
    mkdirSync(join(repo, 'platform'));
    await appsSynthesizer.synthesize(prodWith({}), { outdir: join(repo, 'deploy', 'rendered'), validate: false });
    const apps = join(repo, 'deploy', 'rendered', 'prod', 'apps');
    const [api] = yamlOf(join(apps, 'argocd', 'api.yaml')) as { spec: { source: Record<string, string> } }[];
    expect(api.spec.source.path).toBe('deploy/rendered/prod/apps/api');
    expect(api.spec.source.repoURL).toBe('https://github.com/acme/shop.git');
    expect(existsSync(join(repo, api.spec.source.path))).toBe(true);
    const [rootApp] = yamlOf(join(apps, 'argocd-root.yaml')) as { spec: { source: { path: string } } }[];
    expect(existsSync(join(repo, rootApp.spec.source.path, 'kustomization.yaml'))).toBe(true);
  });

  it('follows a worktree .git file to the shared config and writes ssh when asked', async () => {
    const main = gitRepo('main-repo', 'https://github.com/acme/shop.git');
    execFileSync('git', [
      '-C',
      main,
      '-c',
      'user.email=a@b',
      '-c',
      'user.name=a',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    ]);
    const wt = join(root, 'linked-worktree');
    execFileSync('git', ['-C', main, 'worktree', 'add', '-q', wt]);
    expect(readFileSync(join(wt, '.git'), 'utf8')).toMatch(/^gitdir:/);
    await appsSynthesizer.synthesize(prodWith({ transport: 'ssh' }), { outdir: join(wt, 'out'), validate: false });
    const text = readFileSync(join(wt, 'out', 'prod', 'apps', 'argocd', 'api.yaml'), 'utf8');
    expect(text).toContain('repoURL: git@github.com:acme/shop.git');
    expect(text).toContain('path: out/prod/apps/api');
  });

  it('takes gitops.repoURL, targetRevision and path over what the repository says', async () => {
    const repo = gitRepo('override-repo', 'git@github.com:acme/other.git');
    const env = prodWith({
      repoURL: 'https://github.com/acme/shop-deploy.git',
      targetRevision: 'release',
      path: 'envs/prod/',
    });
    await appsSynthesizer.synthesize(env, { outdir: join(repo, 'out'), validate: false });
    const text = readFileSync(join(repo, 'out', 'prod', 'apps', 'argocd', 'api.yaml'), 'utf8');
    expect(text).toContain('repoURL: https://github.com/acme/shop-deploy.git');
    expect(text).toContain('targetRevision: release');
    expect(text).toContain('path: envs/prod/api');
  });

  it('fails for prod outside a repository, naming the settings to set', async () => {
    await expect(
      appsSynthesizer.synthesize(prodWith({}), { outdir: join(root, 'no-repo', 'out'), validate: false }),
    ).rejects.toThrow(/gitops\.repoURL[\s\S]*gitops\.path/);
    expect(existsSync(join(root, 'no-repo', 'out', 'prod', 'apps'))).toBe(false);
  });

  it('asks for no repository when prod has no apps to sync', async () => {
    const result = await writeApps({ ...prodWith({}), apps: [] }, join(root, 'no-repo-empty', 'out'));
    expect(result.files).toEqual([]);
  });

  it('works outside a repository when gitops.repoURL and gitops.path are set', async () => {
    const env = prodWith({ repoURL: 'https://github.com/acme/shop.git', path: 'clusters/prod' });
    await appsSynthesizer.synthesize(env, { outdir: join(root, 'no-repo-set', 'out'), validate: false });
    const text = readFileSync(join(root, 'no-repo-set', 'out', 'prod', 'apps', 'argocd', 'api.yaml'), 'utf8');
    expect(text).toContain('path: clusters/prod/api');
  });

  it('warns for test without a repository URL and writes no sync objects, never a placeholder', async () => {
    const repo = gitRepo('no-origin');
    const result = await writeApps(test, join(repo, 'out'));
    expect(result.notes.some((n) => n.includes('gitops.repoURL'))).toBe(true);
    expect(existsSync(join(repo, 'out', 'test', 'apps', 'argocd'))).toBe(false);
    expect(result.files.some((f) => readFileSync(f, 'utf8').includes('example.com/REPLACE-ME'))).toBe(false);
  });

  it('keeps prune and self-heal off for a repository on an example domain', async () => {
    const repo = gitRepo('example-origin', 'https://git.example.com/acme/shop.git');
    const result = await writeApps(prodWith({}), join(repo, 'out'));
    expect(result.notes.some((n) => n.includes('prune and self-heal stay off'))).toBe(true);
    const text = readFileSync(join(repo, 'out', 'prod', 'apps', 'argocd', 'api.yaml'), 'utf8');
    expect(text).not.toContain('automated');
  });

  it('writes Flux Kustomizations and a GitRepository with the same paths for gitops.tool flux', async () => {
    const repo = gitRepo('flux-repo', 'git@github.com:acme/shop.git');
    await appsSynthesizer.synthesize(prodWith({ tool: 'flux', targetRevision: 'main' }), {
      outdir: join(repo, 'deploy'),
      validate: false,
    });
    const apps = join(repo, 'deploy', 'prod', 'apps');
    expect(existsSync(join(apps, 'argocd'))).toBe(false);
    const [source, rootKs] = yamlOf(join(apps, 'flux-root.yaml')) as { kind: string; spec: Record<string, unknown> }[];
    expect(source.kind).toBe('GitRepository');
    expect(source.spec).toMatchObject({ url: 'git@github.com:acme/shop.git', ref: { branch: 'main' } });
    expect(rootKs.spec.path).toBe('./deploy/prod/apps/flux');
    const [api] = yamlOf(join(apps, 'flux', 'api.yaml')) as { apiVersion: string; spec: Record<string, unknown> }[];
    expect(api.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
    expect(api.spec).toMatchObject({ path: './deploy/prod/apps/api', prune: true });
    expect(api.spec.dependsOn).toEqual([
      { name: 'shop-namespaces' },
      { name: 'shop-postgres' },
      { name: 'shop-redis' },
    ]);
    expect(existsSync(join(repo, String(api.spec.path)))).toBe(true);
  });
});

describe('what synth owns in its output folder', () => {
  it("keeps a user's own files in the apps folder, and removes only files it wrote", async () => {
    const out = join(root, 'owned');
    mkdirSync(join(out, 'test', 'apps', 'notes'), { recursive: true });
    writeFileSync(join(out, 'test', 'apps', 'notes', 'runbook.md'), 'mine');
    writeFileSync(join(out, 'test', 'apps', 'README.md'), 'mine too');
    await writeApps(test, out);
    await writeApps(test, out);
    expect(readFileSync(join(out, 'test', 'apps', 'notes', 'runbook.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'test', 'apps', 'README.md'), 'utf8')).toBe('mine too');
    expect(readFileSync(join(out, 'test', 'apps', '.slipway-files'), 'utf8')).toContain('api/deployment.yaml\n');
  });

  it('refuses an empty output path and the file-system root', () => {
    expect(() => checkOutputDir('', '/work')).toThrow(/--out is empty/);
    expect(() => checkOutputDir('/', '/work')).toThrow(/file-system root/);
    expect(checkOutputDir('out', '/work')).toBe('/work/out');
  });
});

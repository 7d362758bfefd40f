import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApps } from '../../src/apps/synthesizer.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { checkOutputDir } from '../../src/util/owned-output.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-apps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let env: EnvironmentConfig;
beforeAll(async () => {
  env = (await loadConfig(bundledExamplePath())).environments.test;
});

describe('writing the apps part of slipway synth', () => {
  it('writes <out>/<env>/apps, drops the files of a removed app, and points Argo CD at <out>/<env>/apps', async () => {
    const out = join(root, 'out');
    const withExtra: EnvironmentConfig = { ...env, apps: [...env.apps, { ...env.apps[0], name: 'removed-app' }] };
    await writeApps(withExtra, out);
    expect(existsSync(join(out, 'test', 'apps', 'removed-app', 'kustomization.yaml'))).toBe(true);
    const result = await writeApps(env, out);
    expect(existsSync(join(out, 'test', 'apps', 'removed-app'))).toBe(false);
    expect(readFileSync(join(out, 'test', 'apps', 'argocd', 'api.yaml'), 'utf8')).toContain('path: out/test/apps/api');
    expect(result.part).toBe('apps');
    expect(result.files).toHaveLength(74);
    expect(result.rows.find((r) => r.component === 'api (web)')).toMatchObject({
      resources: 9,
      detail: expect.stringContaining('ExternalSecret x2'),
    });
    expect(result.notes).toHaveLength(1);
  });
});

describe('what synth owns in its output folder', () => {
  it("keeps a user's own files in the apps folder, and removes only files it wrote", async () => {
    const out = join(root, 'owned');
    mkdirSync(join(out, 'test', 'apps', 'notes'), { recursive: true });
    writeFileSync(join(out, 'test', 'apps', 'notes', 'runbook.md'), 'mine');
    writeFileSync(join(out, 'test', 'apps', 'README.md'), 'mine too');
    await writeApps(env, out);
    await writeApps(env, out);
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

describe('the Argo CD source of generated Applications', () => {
  it('follows gitops.repoURL, targetRevision and path from the config', async () => {
    const { appsSynthesizer } = await import('../../src/apps/synthesizer.js');
    const out = join(root, 'gitops');
    const withGitops: EnvironmentConfig = {
      ...env,
      gitops: { repoURL: 'https://github.com/acme/shop-deploy.git', targetRevision: 'release', path: 'envs/test' },
    };
    await appsSynthesizer.synthesize(withGitops, { outdir: out, validate: false });
    const app = readFileSync(join(out, 'test', 'apps', 'argocd', 'api.yaml'), 'utf8');
    expect(app).toContain('repoURL: https://github.com/acme/shop-deploy.git');
    expect(app).toContain('targetRevision: release');
    expect(app).toContain('path: envs/test/api');
  });
});

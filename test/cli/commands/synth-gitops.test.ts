import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledExamplePath } from '../../../src/config/load.js';
import { runCli } from '../../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-cli-gitops-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A user's repository: the bundled example in platform/, without its own gitops settings, and an origin remote. */
function userRepo(name: string, origin?: string): string {
  const repo = join(root, name);
  mkdirSync(join(repo, 'platform'), { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  if (origin) execFileSync('git', ['-C', repo, 'remote', 'add', 'origin', origin]);
  const example = readFileSync(bundledExamplePath(), 'utf8').replace(/^ {4}gitops:.*\n( {6}.*\n)+/m, '');
  expect(example).not.toContain('gitops:');
  writeFileSync(join(repo, 'platform', 'slipway.config.yaml'), example);
  return repo;
}

describe('slipway synth for GitOps, as a new user runs it', () => {
  it('writes Applications whose paths exist from the repository root and whose repoURL is the origin; verify agrees', async () => {
    const repo = userRepo('shop', 'git@github.com:acme/shop.git');
    const args = ['--config', 'platform/slipway.config.yaml'];
    const synth = await runCli(['synth', '--env', 'prod', '--out', 'deploy/rendered', ...args], { cwd: repo });
    expect(synth.code).toBe(0);
    const apps = join(repo, 'deploy', 'rendered', 'prod', 'apps');
    for (const file of ['api.yaml', '_namespaces.yaml', 'frontend.yaml']) {
      const app = parse(readFileSync(join(apps, 'argocd', file), 'utf8'));
      expect(app.spec.source.repoURL).toBe('git@github.com:acme/shop.git');
      expect(app.spec.source.path).toMatch(/^deploy\/rendered\/prod\/apps\//);
      expect(existsSync(join(repo, app.spec.source.path, 'kustomization.yaml'))).toBe(true);
    }
    const verify = await runCli(
      [
        'verify',
        'deploy/rendered/prod/apps',
        '--env',
        'prod',
        '--include',
        'operations.gitops-source',
        '-o',
        'json',
        ...args,
      ],
      { cwd: repo },
    );
    expect(verify.code).toBe(0);
    const statuses = JSON.stringify(JSON.parse(verify.stdout)).match(/"status":"(pass|fail|warn)"/g) ?? [];
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.includes('pass'))).toBe(true);
  });

  it('refuses prod without a repository URL, naming the setting, and writes no apps', async () => {
    const repo = userRepo('no-origin');
    const t = await runCli(['synth', '--env', 'prod', '--out', 'out', '--config', 'platform/slipway.config.yaml'], {
      cwd: repo,
    });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/environments\.prod\.gitops\.repoURL/);
    expect(existsSync(join(repo, 'out', 'prod', 'apps'))).toBe(false);
  });
});

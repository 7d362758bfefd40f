import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBadMorningServer } from '../support/bad-morning-live.js';
import { ensureBuiltCli } from '../support/built-cli.js';
import type { FakeKubeServer } from '../support/fake-kube-server.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');
let server: FakeKubeServer;

/** Runs the built binary without blocking this process, so the fake API server in it can answer. */
function slipway(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args, '--kubeconfig', server.kubeconfigPath, '--no-aws'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  ensureBuiltCli();
});
afterEach(async () => {
  await server?.close();
});

const json = (s: string) => JSON.parse(s) as { problems: { code: string }[]; unknown: Record<string, string> };

describe('the built binary against the fake API server, AWS left out (--no-aws)', () => {
  it('status finds the bad morning, judges kubelet skew from GET /version, shows the add-ons unknown, and exits 2', async () => {
    server = await startBadMorningServer();
    const r = await slipway(['status', '-o', 'json']);
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['node.not-ready', 'rollout.stuck', 'node.kubelet-skew']),
    );
    expect(report.unknown).toEqual({ addons: 'AWS was not read (--no-aws)' });
  });

  it('doctor deployment/checkout names the crash loop; its AWS links are unknown with the reason', async () => {
    server = await startBadMorningServer();
    const r = await slipway(['doctor', 'deployment/checkout', '-n', 'shop', '-o', 'json']);
    expect(r.code).toBe(2);
    const report = json(r.stdout) as ReturnType<typeof json> & { headline: { code: string } };
    expect(report.headline.code).toBe('pod.crash-loop');
    expect(report.unknown.ecr).toBe('AWS was not read (--no-aws)');
  });

  it('secrets status (the bundled example names the environment) marks Secrets Manager unknown', async () => {
    server = await startBadMorningServer();
    const r = await slipway(['secrets', 'status', '--env', 'prod', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).unknown.secretsManager).toBe('AWS was not read (--no-aws)');
    expect(r.stdout).not.toContain('(redacted)');
  });

  it('images lists what runs and marks ECR unknown; without ECR facts nothing critical is claimed', async () => {
    server = await startBadMorningServer();
    const r = await slipway(['images', '--env', 'prod', '-o', 'json']);
    const report = json(r.stdout);
    expect(report.unknown).toEqual({ ecr: 'AWS was not read (--no-aws)' });
    expect(report.problems.map((p) => p.code)).not.toContain('image.critical-findings');
    expect(r.code).toBe(0);
  });

  it('logs checkout reads the previous log of the crashed container; CloudWatch is unknown', async () => {
    server = await startBadMorningServer();
    const r = await slipway(['logs', 'checkout', '-n', 'shop', '-o', 'json']);
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.problems.map((p) => p.code)).toContain('logs.crash-loop');
    expect(report.unknown.errorEvents).toBe('AWS was not read (--no-aws)');
  });

  it('a forbidden kind gives unknown with the RBAC reason and exit 1', async () => {
    server = await startBadMorningServer({ forbidden: ['Node'] });
    const r = await slipway(['status', '-o', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).unknown.nodes).toMatch(/^forbidden: GET \/api\/v1\/nodes.*403 Forbidden nodes is forbidden/);
  });
});

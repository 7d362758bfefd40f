import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { ensureBuiltCli } from '../support/built-cli.js';
import { runCli } from '../support/cli.js';
import {
  BUILTIN_RESOURCES,
  type FakeKubeOptions,
  type FakeKubeServer,
  METRICS_RESOURCES,
  startFakeKubeServer,
} from '../support/fake-kube-server.js';
import { liveShopObjects } from '../support/ops-live-cluster.js';

let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runbookLive(options: Partial<FakeKubeOptions> = {}) {
  server = await startFakeKubeServer({
    resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES],
    objects: liveShopObjects(),
    ...options,
  });
  const out = mkdtempSync(join(tmpdir(), 'slipway-runbook-live-'));
  const run = await runCli(
    [
      ...['-c', bundledExamplePath(), '-o', 'json', 'runbook', '--env', 'prod', '--live', '--no-aws'],
      ...['--kubeconfig', server.kubeconfigPath, '--out', out],
    ],
    { env: { AWS_EC2_METADATA_DISABLED: 'true' } },
  );
  const page = (path: string) => readFileSync(join(out, path), 'utf8');
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : undefined, page };
}

describe('runbook --live --no-aws against the fake API server', () => {
  it('writes a page per running workload, the claims’ EBS volumes, and marks the AWS parts not read', async () => {
    const { code, json, stderr, page } = await runbookLive();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(json.files).toEqual(expect.arrayContaining(['apps/backend-api.md', 'apps/data-postgres.md']));
    expect(page('restore.md')).toContain('| data/data-postgres-0 | gp3 | vol-pg |');
    expect(page('alarms.md')).toContain('**Not read**: CloudWatch DescribeAlarms: AWS was not read (--no-aws).');
    expect(page('nodes.md')).toContain('## Node group ');
    expect(page('README.md')).toContain('slipway runbook --env prod --live');
  });

  it('exits 1 when the cluster refuses a kind, still writing the pages with that part not read', async () => {
    const { code, page } = await runbookLive({ forbidden: ['Node'] });
    expect(code).toBe(1);
    expect(page('nodes.md')).toContain('**Not read**: Node: forbidden: list nodes at cluster scope (RBAC).');
  });

  it('refuses live-only flags without --live', async () => {
    const r = await runCli(['-c', bundledExamplePath(), 'runbook', '--env', 'prod', '--no-aws']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--no-aws only apply with --live');
  });
});

describe('runbook --live through the built binary, in a process of its own', () => {
  it('writes the pages from the fake server and prints only the list with -o json', async () => {
    const root = resolve(import.meta.dirname, '..', '..');
    ensureBuiltCli();
    server = await startFakeKubeServer({
      resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES],
      objects: liveShopObjects(),
    });
    const out = mkdtempSync(join(tmpdir(), 'slipway-runbook-bin-'));
    // The server answers from this process, so the binary runs without blocking it.
    const run = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'bin', 'slipway.js'),
        ...['-c', bundledExamplePath(), '-o', 'json', 'runbook', '--env', 'prod', '--live', '--no-aws'],
        ...['--kubeconfig', server.kubeconfigPath, '--out', out],
      ],
      { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ dir: out });
    expect(readFileSync(join(out, 'logs.md'), 'utf8')).toContain(
      '**Not read**: CloudWatch Logs DescribeLogGroups: AWS was not read (--no-aws).',
    );
    expect(server.log.every((r) => r.method === 'GET')).toBe(true);
    expect(server.log.some((r) => r.path === '/apis/apps/v1/statefulsets')).toBe(true);
  }, 180_000);
});

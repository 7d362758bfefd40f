import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolateAwsEnv } from '../support/aws-mocks.js';
import { type BadMorningAws, mockBadMorningAws, startBadMorningServer } from '../support/bad-morning-live.js';
import { runCli } from '../support/cli.js';
import type { FakeKubeServer } from '../support/fake-kube-server.js';
import { badMorningKube } from '../support/ops-fixtures.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let server: FakeKubeServer;
let aws: BadMorningAws;
let cwd: string;

/** The shop example moved to eu-west-1, where the bad-morning registry lives. */
function writeConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-ops-'));
  const text = readFileSync(join(ROOT, 'examples', 'shop', 'slipway.config.yaml'), 'utf8').replace(
    /^region: us-east-1$/m,
    'region: eu-west-1',
  );
  writeFileSync(join(dir, 'slipway.config.yaml'), text);
  return dir;
}

beforeEach(async () => {
  isolateAwsEnv();
  aws = mockBadMorningAws();
  cwd = writeConfig();
});
afterEach(async () => {
  aws.restore();
  await server?.close();
});

const cli = (args: string[], answers?: string[]) =>
  runCli([...args, '--kubeconfig', server.kubeconfigPath], {
    cwd,
    env: { AWS_REGION: 'eu-west-1' },
    ...(answers ? { answers } : {}),
  });

const codes = (json: string) => (JSON.parse(json) as { problems: { code: string }[] }).problems.map((p) => p.code);

describe('the live day-2 commands on the bad-morning cluster (fake API server, mocked account)', () => {
  it('status names the NotReady node, the stuck rollout and the degraded add-on, and exits 2', async () => {
    server = await startBadMorningServer();
    const r = await cli(['status', '--env', 'prod', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(codes(r.stdout)).toEqual(expect.arrayContaining(['node.not-ready', 'rollout.stuck', 'addon.unhealthy']));
    expect(server.log.every((x) => x.method === 'GET')).toBe(true);
  });

  it('status with a forbidden kind shows the rest, names the kind unknown with the reason, and exits 1', async () => {
    server = await startBadMorningServer({ forbidden: ['PersistentVolumeClaim'] });
    const r = await cli(['status', '--env', 'prod']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/persistentVolumeClaims.*forbidden/);
    expect(r.stdout).toContain('NotReady');
  });

  it('doctor deployment/checkout points at the crash-looping pod with the cause from its previous log', async () => {
    server = await startBadMorningServer();
    const r = await cli(['doctor', 'deployment/checkout', '-n', 'shop', '--env', 'prod', '-o', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { headline: { code: string; object: { name: string } } };
    expect(report.headline).toMatchObject({ code: 'pod.crash-loop', object: { name: 'checkout-7d9f8b6c5d-x2k4p' } });
  });

  it('doctor of a kind it does not support, or of an object that does not exist, says so and exits 1', async () => {
    server = await startBadMorningServer();
    const bad = await cli(['doctor', 'service/checkout', '-n', 'shop']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kind "service" .* is not supported; use one of deployment, statefulset/);
    const missing = await cli(['doctor', 'deployment/nope', '-n', 'shop', '--no-aws']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('deployment nope not found in namespace shop');
  });

  it('secrets status finds the ExternalSecret outside the environment path and prints no secret value', async () => {
    server = await startBadMorningServer();
    const r = await cli(['secrets', 'status', '--env', 'prod', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(codes(r.stdout)).toContain('externalsecret.path-outside-environment');
    expect(r.stdout).not.toContain('(redacted)');
    expect(aws.commandNames()).not.toContain('GetSecretValueCommand');
  });

  it('secrets refresh without a terminal and without --yes refuses and sends no PATCH', async () => {
    server = await startBadMorningServer();
    const r = await cli(['secrets', 'refresh', 'ledger-db', '-n', 'payments']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pass --yes');
    expect(server.log.filter((x) => x.method === 'PATCH')).toEqual([]);
  });

  it('secrets refresh --yes sends exactly one merge PATCH of the force-sync annotation', async () => {
    server = await startBadMorningServer();
    const r = await cli(['secrets', 'refresh', 'payments/ledger-db', '--yes', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const patches = server.log.filter((x) => x.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe('/apis/external-secrets.io/v1beta1/namespaces/payments/externalsecrets/ledger-db');
    expect(patches[0].contentType).toBe('application/merge-patch+json');
    expect(Object.keys(JSON.parse(patches[0].body ?? '{}').metadata.annotations)).toEqual(['force-sync']);
  });

  it('secrets refresh of a name that does not exist changes nothing and says where it looked', async () => {
    server = await startBadMorningServer();
    const r = await cli(['secrets', 'refresh', 'nope', '-n', 'payments', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ExternalSecret payments/nope not found (context fake)');
    expect(server.log.filter((x) => x.method === 'PATCH')).toEqual([]);
  });

  it('images exits 2 for the running image with critical findings and names its CVEs', async () => {
    server = await startBadMorningServer();
    const r = await cli(['images', '--env', 'prod', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(codes(r.stdout)).toContain('image.critical-findings');
    expect(r.stdout).toContain('CVE-2024-3094');
  });

  it('logs checkout shows the crash cause from the previous log and the errors of the last hour', async () => {
    server = await startBadMorningServer();
    const until = badMorningKube().now;
    const r = await cli(['logs', 'checkout', '-n', 'shop', '--env', 'prod', '--until', until, '-o', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { problems: { code: string }[]; errors: { total: number } };
    expect(report.problems.map((p) => p.code)).toContain('logs.crash-loop');
    expect(report.errors.total).toBeGreaterThan(0);
  });

  it('logs deployment/checkout reads the same workload as logs checkout, as kubectl logs names it', async () => {
    server = await startBadMorningServer();
    const until = badMorningKube().now;
    const args = ['-n', 'shop', '--env', 'prod', '--until', until, '-o', 'json'];
    const bare = await cli(['logs', 'checkout', ...args]);
    const kinded = await cli(['logs', 'deployment/checkout', ...args]);
    expect(kinded.code).toBe(bare.code);
    expect(JSON.parse(kinded.stdout)).toEqual(JSON.parse(bare.stdout));
  });

  it('logs refuses KIND/NAME of a kind that has no logs, naming the kinds allowed', async () => {
    server = await startBadMorningServer();
    const r = await cli(['logs', 'service/checkout', '-n', 'shop']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('names kind "service"; allowed: deployment, statefulset');
  });

  it('logs --errors reads only CloudWatch: no pod is listed, the error lines are there, and the pods are named as left out', async () => {
    server = await startBadMorningServer();
    const until = badMorningKube().now;
    const r = await cli(['logs', '--errors', '--env', 'prod', '--until', until, '-o', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { errors: { total: number }; unknown: Record<string, string> };
    expect(report.errors.total).toBeGreaterThan(0);
    expect(report.unknown.pods).toContain('--errors');
    expect(server.log.some((x) => x.path.includes('/pods'))).toBe(false);
  });

  it('logs refuses a --since that is not a duration, naming the value', async () => {
    server = await startBadMorningServer();
    const r = await cli(['logs', 'checkout', '--since', 'yesterday']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--since "yesterday" is not a duration');
  });

  it('an unreachable cluster is exit 1 with what failed and where on stderr, and every part named unknown', async () => {
    server = await startBadMorningServer();
    await server.close();
    const r = await cli(['status', '--no-aws', '-o', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: \w+ could not be read from context fake \(http:\/\/127\.0\.0\.1:\d+\).*ECONNREFUSED/,
    );
    const report = JSON.parse(r.stdout) as { unknown: Record<string, string>; problems: unknown[] };
    expect(Object.keys(report.unknown)).toEqual(expect.arrayContaining(['nodes', 'pods', 'events']));
    expect(report.problems).toEqual([]);
  }, 60_000);
});

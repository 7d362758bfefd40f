import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { ensureBuiltCli } from '../support/built-cli.js';
import { runCli } from '../support/cli.js';
import { type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';
import { closedPort, fleetKubeconfig } from '../support/fleet-kubeconfig.js';
import { deployment, node } from '../support/kube-fixtures.js';

/*
 * Three contexts: eu (one zone: fails multi-AZ), us (three zones: passes) on
 * two loopback fake API servers, and down, whose port nothing listens on.
 */
let eu: FakeKubeServer;
let us: FakeKubeServer;
let kubeconfig: string;
const RULES = ['--include', 'infrastructure.multi-az-nodes,reliability.resources'];

beforeAll(async () => {
  eu = await startFakeKubeServer({
    objects: {
      Node: [node('eu-1', 'eu-west-1a'), node('eu-2', 'eu-west-1a'), node('eu-3', 'eu-west-1a')],
      Deployment: [deployment('web-eu', 'shop', 3)],
    },
  });
  us = await startFakeKubeServer({
    objects: {
      Node: [node('us-1', 'us-east-1a'), node('us-2', 'us-east-1b'), node('us-3', 'us-east-1c')],
      Deployment: [deployment('web-us', 'shop', 3)],
    },
  });
  kubeconfig = fleetKubeconfig([
    { context: 'eu', cluster: 'shop-eu', url: eu.url },
    { context: 'us', cluster: 'shop-us', url: us.url },
    { context: 'down', cluster: 'shop-down', url: `http://127.0.0.1:${await closedPort()}` },
  ]);
});
afterAll(async () => {
  await eu?.close();
  await us?.close();
});

const ENV = { AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'fake' };

function fleet(args: string[], cwd?: string) {
  return runCli(
    ['-c', bundledExamplePath(), 'verify', '--live', '--kubeconfig', kubeconfig, '--no-aws', '--env', 'prod', ...args],
    { env: ENV, ...(cwd ? { cwd } : {}) },
  );
}

interface Report {
  target?: { context: string; cluster: string; server?: string };
  error?: string;
  summary: { result: string };
  findings: { ruleId: string; status: string; subject: { name?: string }; location: Record<string, string> }[];
}

describe('slipway verify --live over a fleet of clusters', () => {
  it('--all-contexts judges each cluster apart, locates every finding in its context and cluster, reports the unreachable one as an error and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-fleet-out-'));
    const files = ['fleet.html', 'fleet.sarif', 'junit.xml', 'fleet.md', 'fleet.txt'];
    const r = await fleet(
      ['--all-contexts', '-o', 'json', ...RULES, ...files.flatMap((f) => ['--report-file', f])],
      dir,
    );
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => [x.target?.context, x.target?.cluster, x.summary.result])).toEqual([
      ['eu', 'shop-eu', 'fail'],
      // us spans three zones but its Deployment, like eu's, sets no resources.
      ['us', 'shop-us', 'fail'],
      ['down', 'shop-down', 'error'],
    ]);
    const [a, b, down] = reports;
    // One fact model per cluster: each cluster's findings name only its own objects.
    const names = (x: Report) => [...new Set(x.findings.map((f) => f.subject.name).filter(Boolean))].sort();
    expect(names(a)).toContain('web-eu');
    expect(names(a)).not.toContain('web-us');
    expect(names(b)).toContain('web-us');
    expect(names(b)).not.toContain('web-eu');
    expect(a.findings.some((f) => f.ruleId === 'infrastructure.multi-az-nodes' && f.status === 'fail')).toBe(true);
    expect(b.findings.some((f) => f.ruleId === 'infrastructure.multi-az-nodes' && f.status === 'fail')).toBe(false);
    for (const x of [a, b])
      for (const f of x.findings)
        expect(f.location).toMatchObject({ context: x.target?.context, cluster: x.target?.cluster });
    expect(down.error).toMatch(/failed after \d+ attempt/);
    expect(down.findings).toEqual([]);
    expect(r.stderr).toContain('error: context down (cluster shop-down):');

    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    const sarif = JSON.parse(read('fleet.sarif')) as {
      runs: {
        properties: Record<string, unknown>;
        invocations?: { executionSuccessful: boolean }[];
        results: { message: { text: string }; properties: Record<string, string> }[];
      }[];
    };
    expect(sarif.runs.map((run) => [run.properties.context, run.properties.cluster])).toEqual([
      ['eu', 'shop-eu'],
      ['us', 'shop-us'],
      ['down', 'shop-down'],
    ]);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    for (const res of sarif.runs[0].results) {
      expect(res.message.text.startsWith('[context eu, cluster shop-eu] ')).toBe(true);
      expect(res.properties).toMatchObject({ context: 'eu', cluster: 'shop-eu' });
    }
    expect(sarif.runs[2].invocations?.[0].executionSuccessful).toBe(false);

    const junit = read('junit.xml');
    const suites = [...junit.matchAll(/<testsuite name="([^"]+)"[^>]* errors="(\d)"/g)].map((m) => [m[1], m[2]]);
    // One testsuite per cluster; the unreachable one holds one testcase in error.
    expect(suites).toEqual([
      ['eu (cluster shop-eu, prod)', '0'],
      ['us (cluster shop-us, prod)', '0'],
      ['down (cluster shop-down, prod)', '1'],
    ]);
    expect(junit).toContain('<error message=');

    const md = read('fleet.md');
    expect(md).toContain('| eu | shop-eu | prod | FAIL |');
    expect(md).toContain('| us | shop-us | prod | FAIL |');
    expect(md).toMatch(/\| down \| shop-down \| prod \| ERROR: /);

    const html = read('fleet.html');
    expect(html).toContain('<option value="shop-eu">');
    expect(html).toContain('<option value="shop-us">');
    expect(html).toContain('could not be read: down (prod)');

    const table = read('fleet.txt');
    expect(table).toContain('Fleet (3 clusters)');
    expect(table).toMatch(/FAIL {2}context eu \(cluster shop-eu, /);
    expect(table).toMatch(/ERROR context down \(cluster shop-down, /);
  });

  it('exits 1 when a cluster could not be read and none failed', async () => {
    const r = await fleet(['--context', 'us,down', '-o', 'json', '--include', 'infrastructure.multi-az-nodes']);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => [x.target?.context, x.summary.result])).toEqual([
      ['us', 'pass'],
      ['down', 'error'],
    ]);
  });

  it('exits 0 when every named cluster passes, and reads only the contexts named (once each)', async () => {
    const before = eu.log.length;
    const r = await fleet(['--context', 'us, us', '-o', 'json', '--include', 'infrastructure.multi-az-nodes']);
    expect(r.code).toBe(0);
    // One cluster: the JSON is one report, as for any single report.
    expect((JSON.parse(r.stdout) as Report).target).toMatchObject({ context: 'us', cluster: 'shop-us' });
    expect(eu.log.length).toBe(before);
  });

  it('a context the kubeconfig does not have is an error for that cluster, naming the contexts there are', async () => {
    const r = await fleet(['--context', 'us,nope', '-o', 'json', '--include', 'infrastructure.multi-az-nodes']);
    expect(r.code).toBe(1);
    const nope = (JSON.parse(r.stdout) as Report[])[1];
    expect(nope.summary.result).toBe('error');
    expect(nope.error).toBe('context "nope" is not in the kubeconfig; contexts: eu, us, down');
  });

  it('refuses --all-contexts with --context, --all-contexts without --live and a --fleet-concurrency that is not a whole number', async () => {
    const both = await fleet(['--all-contexts', '--context', 'eu']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--all-contexts and --context "eu" exclude each other');
    const offline = await runCli(['-c', bundledExamplePath(), 'verify', '--all-contexts']);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('--all-contexts only apply with --live');
    const zero = await fleet(['--all-contexts', '--fleet-concurrency', '0']);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('--fleet-concurrency must be a whole number of clusters, at least 1; got "0"');
  });
});

describe('the built binary', () => {
  const root = resolve(import.meta.dirname, '..', '..');
  it('verify --live --context eu,us -o table prints both clusters and the fleet lines, exit 2', async () => {
    ensureBuiltCli();
    // Spawned without blocking: the fake API servers answer from this process.
    const run = spawn(
      process.execPath,
      [
        join(root, 'bin', 'slipway.js'),
        '-c',
        bundledExamplePath(),
        'verify',
        '--live',
        '--kubeconfig',
        kubeconfig,
        '--no-aws',
        '--env',
        'prod',
        '--context',
        'eu,us',
        ...RULES,
      ],
      { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    run.stdout.on('data', (d) => {
      stdout += d;
    });
    const code = await new Promise<number | null>((done) => run.on('close', done));
    expect(code).toBe(2);
    expect(stdout).toContain('Environment prod (preset prod, context eu (cluster shop-eu, ');
    expect(stdout).toContain('Environment prod (preset prod, context us (cluster shop-us, ');
    expect(stdout).toContain('Fleet (2 clusters)');
  });
});

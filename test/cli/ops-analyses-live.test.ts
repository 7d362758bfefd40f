import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The bundled example on another minor, so the lock holds the next one. */
function exampleOn(minor: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-ops-live-'));
  const file = join(dir, 'slipway.config.yaml');
  writeFileSync(
    file,
    readFileSync(bundledExamplePath(), 'utf8').replace(/kubernetesVersion: "1\.\d+"/, `kubernetesVersion: "${minor}"`),
  );
  return file;
}

async function live(args: string[], options: Partial<FakeKubeOptions> = {}, config = bundledExamplePath()) {
  server = await startFakeKubeServer({
    resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES],
    objects: liveShopObjects(),
    ...options,
  });
  const run = await runCli([
    '-c',
    config,
    '-o',
    'json',
    ...args,
    '--env',
    'prod',
    '--live',
    '--kubeconfig',
    server.kubeconfigPath,
    '--no-aws',
  ]);
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe('the analyses with --live against the fake API server (AWS left out)', () => {
  it('cost reads requests and metrics.k8s.io usage from the cluster; AWS parts are unknown with the reason', async () => {
    const { code, json, stderr } = await live(['cost']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const api = json.rightsizing.find((r: { workload: string }) => r.workload === 'api');
    expect(api.usage).toEqual({ cpuMillis: 120, memoryBytes: 300 * 2 ** 20, basis: 'point-in-time' });
    expect(json.unknown.snapshots).toBe('EC2 DescribeSnapshots: AWS was not read (--no-aws)');
    expect(json.items.map((i: { code: string; object: { name: string } }) => `${i.code} ${i.object.name}`)).toContain(
      'storage.unmounted scratch',
    );
  });

  it('cost exits 1 on a window longer than the metrics retention, naming the value and the range', async () => {
    const { code, stderr, stdout } = await live(['cost', '--window', '70w']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('--window 70w (490 days) is longer than the metrics retention; allowed: 1h to 455d');
    expect(server?.log).toEqual([]);
  });

  it('upgrade plan reads kubelets, PDBs and applied API versions and exits 2 on the blockers', async () => {
    const { code, json } = await live(['upgrade', 'plan'], {}, exampleOn('1.34'));
    expect(code).toBe(2);
    expect([json.from, json.to]).toEqual(['1.34', '1.35']);
    expect(json.problems.map((p: { code: string; object: { name: string } }) => `${p.code} ${p.object.name}`)).toEqual([
      'upgrade.removed-api api',
      'upgrade.pdb-blocks-drain postgres',
      'upgrade.kubelet-skew ip-10-0-3-1',
      'upgrade.single-replica postgres',
    ]);
    expect(json.unknown.addonVersions).toBe('EKS DescribeAddonVersions: AWS was not read (--no-aws)');
    expect(json.unknown.kubelets).toBeUndefined();
  });

  it('dr marks coverage unknown without the account, and exits 1 when the cluster refuses a kind it needs', async () => {
    const { code, json } = await live(['dr']);
    expect(code).toBe(0);
    expect(json.counts).toEqual({ covered: 0, notCovered: 0, unknown: 2 });
    expect(json.unknown.plans).toBe('AWS Backup plans: AWS was not read (--no-aws)');
    await server?.close();

    const refused = await live(['dr'], { forbidden: ['PersistentVolume'] });
    expect(refused.code).toBe(1);
    expect(refused.json.unknown['kubernetes.PersistentVolume']).toBe(
      'forbidden: list persistentvolumes at cluster scope (RBAC)',
    );
  });

  it('refuse live-only flags without --live and files with it', async () => {
    const noLive = await runCli(['-c', bundledExamplePath(), 'cost', '--env', 'prod', '--window', '7d', '--no-aws']);
    expect(noLive.code).toBe(1);
    expect(noLive.stderr).toContain('--no-aws, --window only apply with --live');
    const withFiles = await runCli(['-c', bundledExamplePath(), 'dr', '--env', 'prod', '--live', '-f', 'k8s/']);
    expect(withFiles.code).toBe(1);
    expect(withFiles.stderr).toContain('--live reads no files; drop -f k8s/');
  });
});

describe('through the built binary, in a process of its own', () => {
  it('cost --live --no-aws reads the fake server and prints only the report with -o json', async () => {
    const root = resolve(import.meta.dirname, '..', '..');
    ensureBuiltCli();
    server = await startFakeKubeServer({
      resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES],
      objects: liveShopObjects(),
    });
    // The server answers from this process, so the binary runs without blocking it.
    const run = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'bin', 'slipway.js'),
        ...['-c', bundledExamplePath(), '-o', 'json', 'cost', '--env', 'prod', '--live', '--no-aws'],
        ...['--kubeconfig', server.kubeconfigPath],
      ],
      { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' }, encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout);
    expect(report.unknown.logGroups).toBe('CloudWatch Logs DescribeLogGroups: AWS was not read (--no-aws)');
    expect(report.capacity.map((c: { nodeGroup: string; zone: string }) => `${c.nodeGroup} ${c.zone}`)).toContain(
      'spot us-east-1c',
    );
    expect(server.log.some((r) => r.path === '/apis/metrics.k8s.io/v1beta1/pods')).toBe(true);
  }, 120_000);
});

describe('upgrade plan in static mode', () => {
  it('lists what synth would change at the target: cluster, add-on and chart versions', async () => {
    const { code, stdout } = await runCli(['-c', exampleOn('1.34'), '-o', 'json', 'upgrade', 'plan', '--env', 'prod']);
    expect(code).toBe(2);
    const plan = JSON.parse(stdout);
    expect(plan.synthChanges.state).toBe('read');
    const changes = plan.synthChanges.value.map(
      (c: { type: string; property: string; from: string; to: string }) =>
        `${c.type} ${c.property}: ${c.from} → ${c.to}`,
    );
    expect(changes).toContain('AWS::EKS::Cluster Version: 1.34 → 1.35');
    expect(changes).toContain('AWS::EKS::Addon AddonVersion: v1.12.4-eksbuild.1 → v1.13.2-eksbuild.4');
    expect(changes).toContain('Custom::AWSCDK-EKS-HelmChart Values.image.tag: v1.34.5 → v1.35.2');
  }, 120_000);
});

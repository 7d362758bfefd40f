import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive } from '../../../src/live/connect.js';
import { opsExitCode } from '../../../src/ops/exit-code.js';
import { gatherStatus, STATUS_AWS_PARTS } from '../../../src/ops/status/gather.js';
import { clusterStatus, STATUS_OPTIONAL_PARTS } from '../../../src/ops/status/status.js';
import { isolateAwsEnv } from '../../support/aws-mocks.js';
import { type BadMorningAws, mockBadMorningAws, startBadMorningServer } from '../../support/bad-morning-live.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { badMorningKube } from '../../support/ops-fixtures.js';

const { now, cluster } = badMorningKube();
let server: FakeKubeServer;
let aws: BadMorningAws;

beforeEach(() => {
  isolateAwsEnv();
  aws = mockBadMorningAws();
});
afterEach(async () => {
  aws.restore();
  await server?.close();
});

describe('gatherStatus against the fake API server and the mocked account', () => {
  it('reads every part and finds the bad morning: NotReady node, stuck rollout, Pending pods, denied secret, Pending claim, degraded add-on', async () => {
    server = await startBadMorningServer();
    const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: { clients: aws.clients } });
    const input = await gatherStatus(conn, { cluster, now });
    const report = clusterStatus(input);
    expect(report.unknown).toEqual({});
    const codes = new Set(report.problems.map((p) => `${p.code} ${p.object.namespace ?? ''}/${p.object.name}`));
    expect(codes).toContain('node.not-ready /ip-10-0-3-30.eu-west-1.compute.internal');
    expect(codes).toContain('rollout.stuck shop/checkout');
    expect(codes).toContain('externalsecret.not-ready web/frontend-env');
    expect(codes).toContain('addon.unhealthy /aws-ebs-csi-driver');
    expect([...codes].some((c) => c.startsWith('pvc.'))).toBe(true);
    expect(report.controlPlane.minor).toBe('1.33');
    expect(report.nodes.find((n) => n.usage)).toBeDefined();
    expect(opsExitCode(report.problems, report.unknown, STATUS_OPTIONAL_PARTS)).toBe(2);
    expect(server.log.every((r) => r.method === 'GET')).toBe(true);
    expect(aws.commandNames()).toEqual(expect.arrayContaining(['DescribeAddonCommand']));
    // The API server told the version (GET /version): EKS DescribeCluster was not needed.
    expect(report.controlPlane.version).toBe(badMorningKube().controlPlaneVersion);
    expect(server.log.some((r) => r.path === '/version')).toBe(true);
    expect(aws.commandNames()).not.toContain('DescribeClusterCommand');
  });

  it('falls back to EKS DescribeCluster for the control-plane version when GET /version is refused', async () => {
    server = await startBadMorningServer({ serverVersion: 'forbidden' });
    const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: { clients: aws.clients } });
    const report = clusterStatus(await gatherStatus(conn, { cluster, now }));
    expect(report.controlPlane).toEqual({ version: '1.33', minor: '1.33' });
    expect(report.unknown).toEqual({});
    expect(aws.commandNames()).toContain('DescribeClusterCommand');
    expect(report.problems.some((p) => p.code === 'node.kubelet-skew')).toBe(true);
  });

  it('marks the control-plane version unknown with both reasons when neither the API server nor AWS tells it', async () => {
    server = await startBadMorningServer({ serverVersion: 'forbidden' });
    const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: false });
    const report = clusterStatus(await gatherStatus(conn, { cluster, now }));
    expect(report.unknown.controlPlaneVersion).toMatch(
      /^forbidden: GET \/version: 403 .*; EKS DescribeCluster: AWS was not read \(--no-aws\)$/,
    );
    expect(report.controlPlane).toEqual({});
    expect(report.problems.some((p) => p.code === 'node.kubelet-skew')).toBe(false);
  });

  it('turns a forbidden kind into unknown with the RBAC reason, and the exit code into 1', async () => {
    server = await startBadMorningServer({ forbidden: ['ExternalSecret'] });
    const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: { clients: aws.clients } });
    const report = clusterStatus(await gatherStatus(conn, { cluster, now }));
    expect(report.unknown.externalSecrets).toMatch(/^forbidden: .*externalsecrets/);
    expect(report.externalSecrets).toEqual([]);
    expect(opsExitCode(report.problems, report.unknown, STATUS_OPTIONAL_PARTS)).toBe(1);
  });

  it('without AWS knows the control-plane version from GET /version, judges kubelet skew, and marks only the add-ons unknown', async () => {
    server = await startBadMorningServer();
    const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: false });
    const report = clusterStatus(await gatherStatus(conn, { cluster, now }));
    expect(Object.keys(report.unknown).sort()).toEqual([...STATUS_AWS_PARTS].sort());
    expect(STATUS_AWS_PARTS).toEqual(['addons']);
    expect(report.unknown.addons).toMatch(/--no-aws/);
    expect(report.controlPlane).toEqual({ version: badMorningKube().controlPlaneVersion, minor: '1.33' });
    const skew = report.problems.filter((p) => p.code === 'node.kubelet-skew').map((p) => p.object.name);
    expect(skew).toEqual(['ip-10-0-2-20.eu-west-1.compute.internal']);
    expect(report.problems.some((p) => p.code === 'node.not-ready')).toBe(true);
    expect(aws.commandNames()).toEqual([]);
  });
});

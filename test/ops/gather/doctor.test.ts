import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive } from '../../../src/live/connect.js';
import { doctor } from '../../../src/ops/doctor/doctor.js';
import { gatherDoctor } from '../../../src/ops/doctor/gather.js';
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

async function connect(withAws = true) {
  return connectLive({ kubeconfig: server.kubeconfigPath, aws: withAws ? { clients: aws.clients } : false });
}

describe('gatherDoctor against the fake API server and the mocked account', () => {
  it('explains the stuck checkout rollout by the crash-looping pod and the cause in its previous log', async () => {
    server = await startBadMorningServer();
    const target = { kind: 'Deployment', name: 'checkout', namespace: 'shop' } as const;
    const report = doctor(await gatherDoctor(await connect(), { target, cluster, now }));
    expect(report.found).toBe(true);
    expect(report.headline?.code).toBe('pod.crash-loop');
    expect(report.headline?.object.name).toBe('checkout-7d9f8b6c5d-x2k4p');
    const previous = report.chain.find((l) => l.step === 'Previous log');
    expect(previous?.lines?.length).toBeGreaterThan(0);
    expect(report.unknown).toEqual({});
    // EndpointSlices are read (discovery.k8s.io/v1): the Service link is judged, not unknown.
    const network = report.chain.filter((l) => l.step === 'EndpointSlice' || l.step === 'Service');
    expect(network.map((l) => l.step)).toContain('EndpointSlice');
    expect(network.map((l) => l.state)).not.toContain('unknown');
    expect(server.log.every((r) => r.method === 'GET')).toBe(true);
    expect(server.log.filter((r) => r.path.endsWith('/log')).map((r) => r.query)).toEqual([
      { container: 'app', previous: 'true', tailLines: '20' },
    ]);
  });

  it('joins the ledger deployment with ECR: its running image has critical findings', async () => {
    server = await startBadMorningServer();
    const target = { kind: 'Deployment', name: 'ledger', namespace: 'payments' } as const;
    const report = doctor(await gatherDoctor(await connect(), { target, cluster, now }));
    expect(report.problems.map((p) => p.code)).toContain('image.critical-findings');
  });

  it('names a target that does not exist, and says where it looked', async () => {
    server = await startBadMorningServer();
    const target = { kind: 'Deployment', name: 'nope', namespace: 'shop' } as const;
    const report = doctor(await gatherDoctor(await connect(), { target, cluster, now }));
    expect(report.found).toBe(false);
    expect(report.unknown.target).toBe('deployment nope not found in namespace shop');
  });

  it('a forbidden pod list leaves the pods unknown with the RBAC reason; without AWS the image link is unknown', async () => {
    server = await startBadMorningServer({ forbidden: ['Pod'] });
    const target = { kind: 'Deployment', name: 'checkout', namespace: 'shop' } as const;
    const report = doctor(await gatherDoctor(await connect(false), { target, cluster, now }));
    expect(report.unknown.Pod).toMatch(/^forbidden: .*pods/);
    expect(report.chain.find((l) => l.step === 'Pods')?.state).toBe('unknown');
    expect(aws.commandNames()).toEqual([]);
  });
});

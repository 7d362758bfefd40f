import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSnapshotsCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCost } from '../../../src/ops/cost/analyze.js';
import { liveCostFacts } from '../../../src/ops/cost/live-facts.js';
import { costDefaults } from '../../../src/ops/cost/params.js';
import { type AccountMocks, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { exampleEnv } from '../../support/live-inventory.js';
import { liveShop } from '../../support/ops-live-cluster.js';

beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

const NOW = new Date('2026-12-03T12:00:00Z');
const MI = 2 ** 20;

function mockShopAccount(): AccountMocks {
  const m = mockAccount();
  m.ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [
      { VolumeId: 'vol-pg', VolumeType: 'gp3', Size: 100, State: 'in-use' },
      { VolumeId: 'vol-old', VolumeType: 'gp2', Size: 50, State: 'in-use' },
    ],
  });
  m.ec2.on(DescribeSnapshotsCommand).resolves({
    Snapshots: [
      { SnapshotId: 'snap-old', VolumeId: 'vol-pg', VolumeSize: 100, StartTime: new Date('2026-09-01T00:00:00Z') },
      { SnapshotId: 'snap-new', VolumeId: 'vol-pg', VolumeSize: 100, StartTime: new Date('2026-12-02T00:00:00Z') },
    ],
  });
  m.logs.on(DescribeLogGroupsCommand).resolves({
    logGroups: [{ logGroupName: '/aws/containerinsights/shop-prod/application', storedBytes: 5 * 2 ** 30 }],
  });
  m.cloudwatch.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({
    MetricDataResults: input.MetricDataQueries.filter((q) => q.Id.endsWith('0')).map((q) => ({
      Id: q.Id,
      Values: [q.Id.startsWith('cpu') ? 150 : 400 * MI],
    })),
  }));
  return m;
}

describe('live cost facts', () => {
  it('read nodes, requests and one metrics.k8s.io sample per container from the cluster without AWS', async () => {
    const shop = await liveShop();
    server = shop.server;
    const env = await exampleEnv('prod');
    const facts = await liveCostFacts(shop.conn, env, { now: NOW });
    expect(facts.unread).toEqual({});
    expect(
      facts.nodes.state === 'read' && facts.nodes.value.map((n) => [n.name, n.nodeGroup, n.zone, n.capacity]),
    ).toEqual([
      ['ip-10-0-1-1', 'on-demand', 'us-east-1a', 'on-demand'],
      ['ip-10-0-2-1', 'on-demand', 'us-east-1b', 'on-demand'],
      ['ip-10-0-3-1', 'spot', 'us-east-1c', 'spot'],
    ]);
    const n2 = facts.nodes.state === 'read' ? facts.nodes.value[1] : undefined;
    expect(n2?.requested).toEqual({ cpuMillis: 1500, memoryBytes: 3 * 2 ** 30 });
    expect(facts.nodeGroups.map((g) => [g.name, g.nodes, g.zones])).toEqual([
      ['on-demand', 2, ['us-east-1a', 'us-east-1b']],
      ['spot', 1, ['us-east-1c']],
    ]);
    const api = facts.containers.find((c) => c.workload === 'api');
    expect(api?.pods).toBe(2);
    expect(api?.usage).toEqual({
      state: 'read',
      value: { cpuMillis: 120, memoryBytes: 300 * MI, basis: 'point-in-time' },
    });
    expect(facts.snapshots).toEqual({
      state: 'unknown',
      reason: 'EC2 DescribeSnapshots: AWS was not read (--no-aws)',
    });
    const report = analyzeCost(facts, costDefaults(env));
    const codes = report.items.map((i) => `${i.code} ${i.object.name}`);
    expect(codes).toContain('rightsizing.over-requested api');
    expect(codes).toContain('storage.gp2 scratch');
    expect(codes).toContain('storage.unmounted scratch');
    expect(codes).not.toContain('storage.unmounted data-postgres-0');
    expect(report.unknown.logGroups).toContain('--no-aws');
  });

  it('prefer Container Insights p95 CPU and maximum memory over the window, and price snapshots and log groups', async () => {
    mocks = mockShopAccount();
    const shop = await liveShop({}, true);
    server = shop.server;
    const env = await exampleEnv('prod');
    const facts = await liveCostFacts(shop.conn, env, { now: NOW, window: '14d' });
    const api = facts.containers.find((c) => c.workload === 'api');
    expect(api?.usage).toEqual({
      state: 'read',
      value: { cpuMillis: 150, memoryBytes: 400 * MI, basis: 'window', window: '14d' },
    });
    const postgres = facts.containers.find((c) => c.workload === 'postgres');
    expect(postgres?.usage.state === 'read' && postgres.usage.value.basis).toBe('point-in-time');
    const queries = mocks.cloudwatch.commandCalls(GetMetricDataCommand)[0].args[0].input;
    expect(queries.MetricDataQueries?.[0].MetricStat).toMatchObject({ Period: 14 * 86_400, Stat: 'p95' });
    expect(queries.EndTime).toEqual(NOW);
    expect(facts.volumes.find((v) => v.claim === 'scratch')?.volumeType).toEqual({ state: 'read', value: 'gp2' });
    const report = analyzeCost(facts, costDefaults(env));
    const codes = report.items.map((i) => `${i.code} ${i.object.name}`);
    expect(codes).toContain('storage.snapshot-past-retention snap-old');
    expect(codes).not.toContain('storage.snapshot-past-retention snap-new');
    expect(codes).toContain('logs.no-retention /aws/containerinsights/shop-prod/application');
    expect(report.unknown).toEqual({});
  });

  it('mark a forbidden kind and a denied AWS call unknown with the reason, never empty', async () => {
    mocks = mockShopAccount();
    mocks.ec2
      .on(DescribeSnapshotsCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'UnauthorizedOperation' }));
    const shop = await liveShop({ forbidden: ['Node'] }, true);
    server = shop.server;
    const env = await exampleEnv('prod');
    const facts = await liveCostFacts(shop.conn, env, { now: NOW });
    expect(facts.unread?.Node).toBe('forbidden: list nodes at cluster scope (RBAC)');
    expect(facts.nodes.state).toBe('unknown');
    expect(facts.snapshots).toEqual({
      state: 'unknown',
      reason: 'EC2 DescribeSnapshots: AccessDenied: ec2:DescribeSnapshots (the verifier policy grants it)',
    });
    const report = analyzeCost(facts, costDefaults(env));
    expect(report.unknown['kubernetes.Node']).toBe('forbidden: list nodes at cluster scope (RBAC)');
    expect(report.unknown.snapshots).toContain('AccessDenied');
    expect(report.items.some((i) => i.code === 'storage.snapshot-past-retention')).toBe(false);
  });

  it('refuse a window longer than the metrics retention before reading anything', async () => {
    const shop = await liveShop();
    server = shop.server;
    const env = await exampleEnv('prod');
    await expect(liveCostFacts(shop.conn, env, { window: '500d' })).rejects.toThrow(
      '--window 500d (500 days) is longer than the metrics retention; allowed: 1h to 455d',
    );
    expect(server.log).toEqual([]);
  });
});

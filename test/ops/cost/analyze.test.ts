import { describe, expect, it } from 'vitest';
import { analyzeCost } from '../../../src/ops/cost/analyze.js';
import { pricesFor } from '../../../src/ops/cost/prices.js';
import { known } from '../../../src/ops/facts.js';
import { container, facts, GI, group, MI, params, volume } from './fixtures.js';

const usEast = pricesFor('us-east-1');
if (!usEast) throw new Error('us-east-1 prices missing');
const codes = (r: ReturnType<typeof analyzeCost>) => r.items.map((i) => `${i.code} ${i.object.name}`);

describe('right-sizing', () => {
  it('recommends usage plus headroom and names a workload requesting more than usage × (1 + threshold)', () => {
    const r = analyzeCost(
      facts({
        nodeGroups: [group({ nodes: 2, min: 2 })],
        containers: [
          container({ usage: known({ cpuMillis: 100, memoryBytes: 512 * MI, basis: 'window', window: '7d' }) }),
        ],
      }),
      params,
    );
    expect(r.rightsizing[0].recommended?.requests).toEqual({ cpuMillis: 130, memoryBytes: 666 * MI });
    expect(r.rightsizing[0].recommended?.limits).toEqual({ cpuMillis: 260, memoryBytes: 666 * MI });
    const item = r.items.find((i) => i.code === 'rightsizing.over-requested');
    // m6i.large: 0.096/h × 730 h, half for 2 vCPUs and half for 8 GiB.
    const perVcpu = (0.096 * 730 * 0.5) / 2;
    const perGi = (0.096 * 730 * 0.5) / 8;
    const expected = ((1000 - 130) / 1000) * perVcpu * 3 + ((2 * GI - 666 * MI) / GI) * perGi * 3;
    expect(item?.monthlySaving).toBeCloseTo(expected, 1);
    expect(item?.object).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'api' });
  });

  it('never recommends below the floors', () => {
    const r = analyzeCost(
      facts({ containers: [container({ usage: known({ cpuMillis: 1, memoryBytes: MI, basis: 'point-in-time' }) })] }),
      params,
    );
    expect(r.rightsizing[0].recommended?.requests).toEqual({
      cpuMillis: params.cpuFloorMillis,
      memoryBytes: params.memoryFloorBytes,
    });
  });

  it('names no workload whose requests are within the threshold of usage', () => {
    const r = analyzeCost(
      facts({
        containers: [container({ usage: known({ cpuMillis: 900, memoryBytes: 1.8 * GI, basis: 'point-in-time' }) })],
      }),
      params,
    );
    expect(r.items.filter((i) => i.area === 'rightsizing')).toEqual([]);
  });

  it('says usage is unknown instead of recommending from nothing', () => {
    const r = analyzeCost(facts({ containers: [container()] }), params);
    expect(r.rightsizing[0].usage).toEqual({ unknown: 'usage needs the live cluster' });
    expect(r.rightsizing[0].recommended).toBeUndefined();
    expect(r.unknown.usage).toBe('usage needs the live cluster');
  });

  it('reports a container without requests as a problem', () => {
    const r = analyzeCost(facts({ containers: [container({ requests: { memoryBytes: GI } })] }), params);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['cost.no-requests', 'warning']]);
  });
});

describe('capacity', () => {
  it('names an over-provisioned node group from the config with the nodes its requests need', () => {
    const r = analyzeCost(
      facts({ nodeGroups: [group({ nodes: 6, min: 2 })], containers: [container({ pods: 2 })] }),
      params,
    );
    const item = r.items.find((i) => i.code === 'capacity.over-provisioned');
    // 2 vCPU and 4 GiB requested; 1.8 vCPU and 7.2 GiB allocatable per node at 70%: 2 nodes.
    expect(item?.recommendation).toContain('to 2');
    expect(item?.monthlySaving).toBeCloseTo(4 * 0.096 * 730, 2);
    expect(r.capacity[0]).toMatchObject({ nodeGroup: 'on-demand', zone: '*', nodes: 6 });
  });

  it('keeps the group minimum', () => {
    const r = analyzeCost(facts({ nodeGroups: [group({ nodes: 3, min: 3 })], containers: [] }), params);
    expect(r.items).toEqual([]);
  });

  it('names idle nodes and sums requests per group and zone when the nodes were read', () => {
    const node = (name: string, zone: string, pods: number) => ({
      name,
      nodeGroup: 'on-demand',
      zone,
      instanceType: 'm6i.large',
      capacity: 'on-demand' as const,
      allocatable: { cpuMillis: 1930, memoryBytes: 7 * GI },
      requested: { cpuMillis: pods * 500, memoryBytes: pods * GI },
      workloadPods: pods,
    });
    const r = analyzeCost(
      facts({ nodes: known([node('ip-1', 'us-east-1a', 2), node('ip-2', 'us-east-1b', 0)]) }),
      params,
    );
    expect(codes(r)).toEqual(['capacity.idle-node ip-2']);
    expect(r.items[0].monthlySaving).toBeCloseTo(0.096 * 730, 2);
    expect(r.capacity.map((c) => [c.zone, c.nodes, c.requested.cpuMillis])).toEqual([
      ['*', 2, 1000],
      ['us-east-1a', 1, 1000],
      ['us-east-1b', 1, 0],
    ]);
  });

  it('names interruptible work pinned to on-demand while spot exists, and stateful work on spot', () => {
    const r = analyzeCost(
      facts({
        nodeGroups: [group(), group({ name: 'spot', capacity: 'spot', instanceTypes: ['m5.large'] })],
        containers: [
          container({ workload: 'orders', interruptible: true, capacity: 'on-demand', pods: 1 }),
          container({ workloadKind: 'StatefulSet', workload: 'postgres', stateful: true, nodeGroup: 'spot' }),
        ],
      }),
      params,
    );
    expect(codes(r)).toContain('capacity.interruptible-on-demand orders');
    expect(r.split.interruptibleOnOnDemand).toEqual(['shop/Deployment/orders']);
    expect(r.split.statefulOnSpot).toEqual(['shop/StatefulSet/postgres']);
    expect(r.problems.map((p) => p.code)).toContain('cost.stateful-on-spot');
  });
});

describe('storage and logs', () => {
  it('prices gp2 against gp3, unmounted volumes, oversized claims with known usage, and old snapshots', () => {
    const r = analyzeCost(
      facts({
        volumes: [
          volume({ claim: 'old', volumeType: known('gp2'), storageClass: 'gp2', sizeGi: 100 }),
          volume({ claim: 'orphan', mounted: known(false), sizeGi: 50 }),
          volume({ claim: 'waiting', phase: 'Pending' }),
          volume({ claim: 'huge', sizeGi: 500, usedGi: known(10) }),
        ],
        snapshots: known([{ id: 'snap-1', sizeGi: 40, ageDays: 30 }]),
      }),
      { ...params, snapshotRetentionDays: 14, maxVolumeGi: 100 },
    );
    const saving = Object.fromEntries(r.items.map((i) => [`${i.code} ${i.object.name}`, i.monthlySaving]));
    expect(saving['storage.gp2 old']).toBeCloseTo(100 * (0.1 - 0.08), 2);
    expect(saving['storage.unmounted orphan']).toBeCloseTo(50 * 0.08, 2);
    expect(saving['storage.oversized-claim huge']).toBeCloseTo((500 - 13) * 0.08, 2);
    expect(saving['storage.snapshot-past-retention snap-1']).toBeCloseTo(40 * 0.05, 2);
    expect(Object.keys(saving)).toContain('storage.pending-claim waiting');
    expect(saving['storage.pending-claim waiting']).toBeUndefined();
    expect(r.totalMonthlySaving).toBeCloseTo(2 + 4 + 38.96 + 2, 2);
  });

  it('names log groups without retention or above the range, saving the share past the range', () => {
    const r = analyzeCost(
      facts({
        logGroups: known([
          { name: '/aws/eks/shop-prod/cluster', storedBytes: known(200e9) },
          { name: '/shop/app', retentionDays: 120, storedBytes: known(100e9) },
          { name: '/shop/ok', retentionDays: 30, storedBytes: known(1e9) },
        ]),
      }),
      { ...params, maxLogRetentionDays: 30 },
    );
    expect(codes(r)).toEqual(['logs.no-retention /aws/eks/shop-prod/cluster', 'logs.retention-above-range /shop/app']);
    expect(r.items[1].monthlySaving).toBeCloseTo(100 * 0.03 * (1 - 30 / 120), 2);
    expect(r.items[0].recommendation).toContain('--retention-in-days 30');
  });
});

describe('prices', () => {
  it('says a region has no price table, names the ones it has, and totals nothing', () => {
    const r = analyzeCost(
      facts({ region: 'sa-east-1', volumes: [volume({ volumeType: known('gp2'), sizeGi: 10 })] }),
      params,
    );
    expect(r.prices).toEqual({ unknown: expect.stringContaining('us-east-1') });
    expect(r.items[0].unpriced).toContain('gp2');
    expect(r.totalMonthlySaving).toBe(0);
  });

  it('uses Spot at the table discount for a spot group', () => {
    const r = analyzeCost(
      facts({ nodeGroups: [group({ name: 'spot', capacity: 'spot', nodes: 4, min: 1 })], containers: [] }),
      params,
      usEast,
    );
    expect(r.items[0].monthlySaving).toBeCloseTo(3 * 0.096 * (1 - usEast.spotDiscount) * 730, 2);
  });
});

describe('control plane', () => {
  it('prices leaving EKS extended support as the hourly difference', () => {
    const r = analyzeCost(facts({ controlPlane: { version: '1.32', support: known('extended') } }), params);
    expect(codes(r)).toEqual(['capacity.extended-support shop-prod']);
    expect(r.items[0].monthlySaving).toBeCloseTo((0.6 - 0.1) * 730, 2);
    expect(r.items[0].recommendation).toContain('slipway upgrade plan --env prod');
  });

  it('says nothing about a control plane in standard support', () => {
    expect(analyzeCost(facts(), params).items).toEqual([]);
  });
});

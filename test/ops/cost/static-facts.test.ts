import { describe, expect, it } from 'vitest';
import { analyzeCost } from '../../../src/ops/cost/analyze.js';
import { costDefaults } from '../../../src/ops/cost/params.js';
import { staticCostFacts, supportWindow } from '../../../src/ops/cost/static-facts.js';
import { aws, ENVS, inventory } from '../../rules/helpers.js';

const env = ENVS.prod;

const objects = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop' },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'api', 'app.kubernetes.io/component': 'web' } },
        spec: { containers: [{ name: 'api', resources: { requests: { cpu: '250m', memory: '512Mi' } } }] },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders', namespace: 'shop' },
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: { app: 'orders', 'app.kubernetes.io/component': 'worker' } },
        spec: {
          nodeSelector: { 'slipway.io/capacity': 'on-demand' },
          containers: [{ name: 'worker', resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
        },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'postgres', namespace: 'shop' },
    spec: {
      replicas: 2,
      template: {
        spec: { containers: [{ name: 'postgres', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { storageClassName: 'old', resources: { requests: { storage: '20Gi' } } } },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'scratch', namespace: 'shop' },
    spec: { storageClassName: 'gp3', resources: { requests: { storage: '10Gi' } } },
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'old' },
    provisioner: 'kubernetes.io/aws-ebs',
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'gp3' },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', tagSpecification_1: 'slipway.io/backup=shop-prod' },
  },
];

describe('static cost facts', () => {
  const inv = inventory({
    kube: objects,
    aws: [
      aws('AWS::Logs::LogGroup', 'AppLogs', { LogGroupName: '/shop/prod/app', RetentionInDays: 365 }),
      aws('AWS::Logs::LogGroup', 'Forever', { LogGroupName: '/shop/prod/audit' }),
    ],
  });
  const facts = staticCostFacts(env, inv, new Date('2026-12-03'));

  it('reads requests per container, replicas, pinning and intent from the objects', () => {
    expect(
      facts.containers.map((c) => [c.workload, c.pods, c.requests.cpuMillis, c.capacity, c.interruptible, c.stateful]),
    ).toEqual([
      ['api', 3, 250, undefined, false, false],
      ['orders', 2, 100, 'on-demand', true, false],
      ['postgres', 2, 500, undefined, false, true],
    ]);
    expect(facts.containers[0].usage).toEqual({ state: 'unknown', reason: expect.stringContaining('live cluster') });
  });

  it('takes node groups from the config and one claim per StatefulSet replica with its class type and tags', () => {
    expect(facts.nodeGroups.map((g) => g.name)).toEqual(env.nodes.groups.map((g) => g.name));
    expect(facts.volumes.map((v) => [v.claim, v.volumeType, v.sizeGi, v.mounted])).toEqual([
      ['data-postgres-0', { state: 'read', value: 'gp2' }, 20, { state: 'read', value: true }],
      ['data-postgres-1', { state: 'read', value: 'gp2' }, 20, { state: 'read', value: true }],
      ['scratch', { state: 'read', value: 'gp3' }, 10, { state: 'read', value: false }],
    ]);
    expect(facts.volumes[2].tags).toEqual({ 'slipway.io/backup': 'shop-prod' });
  });

  it('reads log groups and their retention from the templates', () => {
    expect(facts.logGroups).toEqual({
      state: 'read',
      value: [
        { name: '/shop/prod/app', retentionDays: 365, storedBytes: expect.objectContaining({ state: 'unknown' }) },
        { name: '/shop/prod/audit', storedBytes: expect.objectContaining({ state: 'unknown' }) },
      ],
    });
  });

  it('gives a report that names gp2, the unmounted claim, the log groups and the worker on on-demand', () => {
    const r = analyzeCost(facts, costDefaults(env));
    const codes = r.items.map((i) => `${i.code} ${i.object.name}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'storage.gp2 data-postgres-0',
        'storage.gp2 data-postgres-1',
        'storage.unmounted scratch',
        'logs.retention-above-range /shop/prod/app',
        'logs.no-retention /shop/prod/audit',
        'capacity.interruptible-on-demand orders',
      ]),
    );
    expect(Object.keys(r.unknown).sort()).toEqual(['nodes', 'snapshots', 'usage']);
  });
});

describe('the EKS support window', () => {
  it('reads standard, extended and ended from the support calendar on a given day', () => {
    expect(supportWindow('1.32', new Date('2026-01-01'))).toEqual({ state: 'read', value: 'standard' });
    expect(supportWindow('1.32', new Date('2026-06-01'))).toEqual({ state: 'read', value: 'extended' });
    expect(supportWindow('1.32', new Date('2027-06-01'))).toEqual({ state: 'read', value: 'ended' });
    expect(supportWindow('1.36', new Date('2027-06-01')).state).toBe('unknown');
  });
});

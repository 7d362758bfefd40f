import { describe, expect, it } from 'vitest';
import { MANAGED_SERVICE_ADVICE } from '../../src/apps/stateful.js';
import type { AppInput } from '../../src/config/schema/apps.js';
import { envWith, find, podSpecOf, synthObjects } from './helpers.js';

const postgres: AppInput = {
  name: 'postgres',
  pattern: 'stateful',
  image: 'docker.io/library/postgres:16.4',
  port: 5432,
  storage: { size: { test: '10Gi', prod: '100Gi' }, mountPath: '/var/lib/postgresql/data' },
  secrets: ['postgres/superuser'],
  writablePaths: ['/var/run/postgresql'],
};

describe('stateful pattern (Pattern 2)', () => {
  const { objects, notes } = synthObjects(envWith([postgres]));
  const sts = find(objects, 'StatefulSet', 'postgres');
  const pod = podSpecOf(sts);
  const container = pod.containers[0];

  it('has a headless Service named as the StatefulSet serviceName, selecting its pods', () => {
    const svc = find(objects, 'Service', 'postgres');
    expect(svc.spec.clusterIP).toBe('None');
    expect(sts.spec.serviceName).toBe('postgres');
    expect(svc.spec.selector).toEqual(sts.spec.selector.matchLabels);
  });

  it('claims a gp3 volume per replica, sized per environment, kept on delete and scale-down', () => {
    const [claim] = sts.spec.volumeClaimTemplates;
    expect(claim.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'gp3',
      resources: { requests: { storage: '100Gi' } },
    });
    expect(container.volumeMounts).toContainEqual({ name: claim.metadata.name, mountPath: '/var/lib/postgresql/data' });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    const test = find(synthObjects(envWith([postgres], 'test')).objects, 'StatefulSet', 'postgres');
    expect(test.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('10Gi');
  });

  it('uses io2 when the config asks for it', () => {
    const app = { ...postgres, storage: { size: '20Gi', class: 'io2' as const, mountPath: '/data' } };
    const sts2 = find(synthObjects(envWith([app])).objects, 'StatefulSet', 'postgres');
    expect(sts2.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('io2');
  });

  it('runs only on on-demand nodes and spreads replicas over zones', () => {
    const terms = pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
    expect(terms).toEqual([
      { matchExpressions: [{ key: 'slipway.io/capacity', operator: 'In', values: ['on-demand'] }] },
    ]);
    const anti = pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm;
    expect(anti.topologyKey).toBe('topology.kubernetes.io/zone');
    expect(anti.labelSelector.matchLabels).toEqual(sts.spec.selector.matchLabels);
  });

  it('probes the port over TCP (no HTTP health path on a database)', () => {
    expect(container.readinessProbe.tcpSocket).toEqual({ port: 5432 });
    expect(container.livenessProbe.tcpSocket).toEqual({ port: 5432 });
    expect(container.readinessProbe.httpGet).toBeUndefined();
  });

  it('has requests, limits, secrets as files, a writable socket directory and a PDB', () => {
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
    expect(container.env ?? []).not.toContainEqual(expect.objectContaining({ valueFrom: expect.anything() }));
    expect(container.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(
      expect.arrayContaining(['/tmp', '/var/run/postgresql', '/var/run/secrets/slipway/postgres-superuser']),
    );
    expect(pod.securityContext).toMatchObject({ runAsUser: 999, fsGroup: 999 });
    const pdb = find(objects, 'PodDisruptionBudget', 'postgres');
    expect(pdb.spec.selector.matchLabels).toEqual(sts.spec.selector.matchLabels);
    expect(pdb.spec.minAvailable).toBe(1);
  });

  it('gives the managed-service advice once, however many stateful apps there are', () => {
    expect(notes).toContain(MANAGED_SERVICE_ADVICE);
    const two = synthObjects(
      envWith([
        postgres,
        { ...postgres, name: 'redis', image: 'docker.io/library/redis:7.4', port: 6379, secrets: [] },
      ]),
    );
    expect(two.notes.filter((n) => n === MANAGED_SERVICE_ADVICE)).toHaveLength(1);
  });
});

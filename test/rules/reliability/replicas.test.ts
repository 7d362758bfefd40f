import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/replicas.js';
import { deployment, hpa, inventory, kobj, run, service, statefulSet, statusOf } from '../helpers.js';

const svc = service('api', { app: 'api' });

describe('reliability.replicas', () => {
  it('fails when a user-facing Deployment has one replica in prod (pitfall 2)', () => {
    const results = run(rule, inventory({ kube: [deployment({ replicas: 1 }), svc] }), 'prod');
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path).toEqual(['spec', 'replicas']);
  });

  it('passes one replica in test, whose minimum is 1', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment({ replicas: 1 }), svc] }), 'test'), 'api')).toBe('pass');
  });

  it('passes two replicas in prod', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment({ replicas: 2 }), svc] })), 'api')).toBe('pass');
  });

  it("counts an HPA's minReplicas instead of spec.replicas", () => {
    const low = run(rule, inventory({ kube: [deployment({ replicas: 3 }), svc, hpa('api', 'api', 1, 5)] }));
    const high = run(rule, inventory({ kube: [deployment({ replicas: 1 }), svc, hpa('api', 'api', 2, 5)] }));
    expect(statusOf(low, 'api')).toBe('fail');
    expect(statusOf(high, 'api')).toBe('pass');
  });

  it('warns, not fails, for a single-replica workload no Service selects (a worker) or one behind a headless Service only', () => {
    const worker = deployment({ name: 'worker', replicas: 1 });
    const db = statefulSet({ replicas: 1 });
    const results = run(rule, inventory({ kube: [worker, db, service('db', { app: 'db' }, { headless: true })] }));
    expect(statusOf(results, 'worker')).toBe('warn');
    expect(statusOf(results, 'db')).toBe('warn');
  });

  it('honours a KEDA ScaledObject minimum', () => {
    const so = kobj('ScaledObject', 'api', { spec: { scaleTargetRef: { name: 'api' }, minReplicaCount: 0 } });
    expect(statusOf(run(rule, inventory({ kube: [deployment(), svc, so] })), 'api')).toBe('fail');
  });
});

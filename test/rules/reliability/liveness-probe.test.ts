import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/liveness-probe.js';
import { cronJob, deployment, goodContainer, inventory, run, service, statefulSet, statusOf } from '../helpers.js';

describe('reliability.liveness-probe', () => {
  it.each([
    ['Deployment', deployment()],
    ['StatefulSet', statefulSet()],
  ])('passes a %s whose containers have liveness probes', (_, obj) => {
    expect(run(rule, inventory({ kube: [obj] })).map((r) => r.status)).toEqual(['pass']);
  });

  it('fails a served container without a liveness probe', () => {
    const d = deployment({ containers: [goodContainer('app', { livenessProbe: undefined })] });
    expect(statusOf(run(rule, inventory({ kube: [d, service('api', { app: 'api' })] })), 'api')).toBe('fail');
  });

  it('warns about a worker (no Service) without a liveness probe', () => {
    const d = deployment({ containers: [goodContainer('app', { livenessProbe: undefined })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('warn');
  });

  it('does not check CronJobs', () => {
    const results = run(rule, inventory({ kube: [cronJob({ containers: [{ name: 'x', image: 'x' }] })] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });
});

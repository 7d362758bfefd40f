import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/readiness-probe.js';
import { cronJob, deployment, goodContainer, inventory, run, service, statusOf } from '../helpers.js';

const noReadiness = goodContainer('app', { readinessProbe: undefined });

describe('reliability.readiness-probe', () => {
  it('passes a served Deployment whose container has a readiness probe', () => {
    const results = run(rule, inventory({ kube: [deployment(), service('api', { app: 'api' })] }));
    expect(statusOf(results, 'api')).toBe('pass');
  });

  it('fails a served container without a readiness probe (pitfall 4)', () => {
    const results = run(
      rule,
      inventory({ kube: [deployment({ containers: [noReadiness] }), service('api', { app: 'api' })] }),
    );
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
  });

  it('skips a workload no Service selects', () => {
    const results = run(rule, inventory({ kube: [deployment({ containers: [noReadiness] })] }));
    expect(statusOf(results, 'api')).toBe('skip');
  });

  it('does not require probes on a sidecar without ports when the main container has them', () => {
    const sidecar = { name: 'log-router', image: 'fluent-bit' };
    const results = run(
      rule,
      inventory({ kube: [deployment({ containers: [goodContainer(), sidecar] }), service('api', { app: 'api' })] }),
    );
    expect(results.map((r) => r.status)).toEqual(['pass']);
  });

  it('does not check CronJobs', () => {
    const results = run(rule, inventory({ kube: [cronJob()] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });
});

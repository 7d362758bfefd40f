import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/readiness-probe.js';
import {
  cronJob,
  deployment,
  goodContainer,
  inventory,
  type Obj,
  run,
  service,
  statefulSet,
  statuses,
  statusOf,
} from '../helpers.js';

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

  const worker = { name: 'worker', image: 'worker:1.0.0' };
  it.each<[string, Obj[], string]>([
    [
      'a container with ports and no probe, no Service selecting it',
      [deployment({ containers: [noReadiness] })],
      'fail',
    ],
    ['a container with ports and a probe, no Service selecting it', [deployment()], 'pass'],
    [
      'a StatefulSet container with ports and no probe',
      [statefulSet({ name: 'api', containers: [noReadiness] })],
      'fail',
    ],
    [
      'a container without ports that no Service selects (a queue worker)',
      [deployment({ containers: [worker] })],
      'skip',
    ],
    [
      'a container without ports that a Service selects',
      [deployment({ containers: [worker] }), service('api', { app: 'api' })],
      'fail',
    ],
    [
      'an add-on DaemonSet in kube-system with ports, no probe and no Service',
      [{ ...deployment({ name: 'api', namespace: 'kube-system', containers: [noReadiness] }), kind: 'DaemonSet' }],
      'skip',
    ],
    [
      'an add-on in kube-system with ports and no probe that a Service selects',
      [
        deployment({ name: 'api', namespace: 'kube-system', containers: [noReadiness] }),
        service('api', { app: 'api' }, { namespace: 'kube-system' }),
      ],
      'fail',
    ],
    ['a CronJob container with ports and no probe', [cronJob({ name: 'api', containers: [noReadiness] })], 'skip'],
  ])('%s: %s', (_, kube, expected) => {
    const results = run(rule, inventory({ kube }));
    // A CronJob is not judged at all: the one result is the rule's own skip.
    expect(kube[0].kind === 'CronJob' ? statuses(results) : [statusOf(results, 'api')]).toEqual([expected]);
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

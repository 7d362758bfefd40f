import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/rolling-update.js';
import { deployment, inventory, run, service, statusOf } from '../helpers.js';

const svc = service('api', { app: 'api' });

describe('reliability.rolling-update', () => {
  it('passes maxUnavailable 0 on a served Deployment', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), svc] })), 'api')).toBe('pass');
  });

  it('fails the Recreate strategy', () => {
    const d = deployment({ spec: { strategy: { type: 'Recreate' } } });
    expect(statusOf(run(rule, inventory({ kube: [d, svc] })), 'api')).toBe('fail');
  });

  it('fails the default 25% at 4 replicas, where it removes a pod', () => {
    const d = deployment({ replicas: 4, spec: { strategy: undefined } });
    expect(statusOf(run(rule, inventory({ kube: [d, svc] })), 'api')).toBe('fail');
  });

  it('fails maxUnavailable 1', () => {
    const d = deployment({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } } });
    expect(statusOf(run(rule, inventory({ kube: [d, svc] })), 'api')).toBe('fail');
  });

  it('skips a Deployment no Service selects', () => {
    expect(
      statusOf(run(rule, inventory({ kube: [deployment({ spec: { strategy: { type: 'Recreate' } } })] })), 'api'),
    ).toBe('skip');
  });
});

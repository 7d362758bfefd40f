import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/node-port-services.js';
import { inventory, run, service, statusOf } from '../helpers.js';

describe('workloads.node-port-services', () => {
  it('passes a ClusterIP Service and a headless one', () => {
    const inv = inventory({ kube: [service('api', { app: 'api' }), service('db', { app: 'db' }, { headless: true })] });
    expect(statusOf(run(rule, inv), 'api')).toBe('pass');
    expect(statusOf(run(rule, inv), 'db')).toBe('pass');
  });

  it('warns about a NodePort Service', () => {
    const inv = inventory({ kube: [service('api', { app: 'api' }, { type: 'NodePort' })] });
    const results = run(rule, inv);
    expect(statusOf(results, 'api')).toBe('warn');
    expect(results[0].path).toEqual(['spec', 'type']);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/cost/spot-workers.js';
import { cronJob, deployment, inventory, run, statusOf } from '../helpers.js';

describe('cost.spot-workers', () => {
  it('passes a CronJob that selects spot nodes', () => {
    const c = cronJob({ podSpec: { nodeSelector: { 'eks.amazonaws.com/capacityType': 'SPOT' } } });
    expect(statusOf(run(rule, inventory({ kube: [c] })), 'report')).toBe('pass');
  });

  it('passes a queue worker that prefers spot through node affinity', () => {
    const w = deployment({
      name: 'worker',
      containers: [{ name: 'w', image: 'x', env: [{ name: 'SQS_QUEUE_URL', value: 'u' }] }],
      podSpec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 1,
                preference: {
                  matchExpressions: [{ key: 'slipway.io/capacity', operator: 'In', values: ['spot'] }],
                },
              },
            ],
          },
        },
      },
    });
    expect(statusOf(run(rule, inventory({ kube: [w] })), 'worker')).toBe('pass');
  });

  it('warns about a CronJob on on-demand nodes and ignores web Deployments', () => {
    const results = run(rule, inventory({ kube: [cronJob(), deployment()] }));
    expect(statusOf(results, 'report')).toBe('warn');
    expect(statusOf(results, 'api')).toBeUndefined();
  });
});

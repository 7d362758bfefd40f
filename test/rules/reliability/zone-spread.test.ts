import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/zone-spread.js';
import { deployment, inventory, run, service, statusOf } from '../helpers.js';

const zoneKey = 'topology.kubernetes.io/zone';

describe('reliability.zone-spread', () => {
  it('passes topologySpreadConstraints on the zone key', () => {
    const d = deployment({ podSpec: { topologySpreadConstraints: [{ topologyKey: zoneKey, maxSkew: 1 }] } });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('passes a preferred pod anti-affinity on the zone key', () => {
    const d = deployment({
      podSpec: {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: { topologyKey: zoneKey } },
            ],
          },
        },
      },
    });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('fails a user-facing Deployment spread only by hostname', () => {
    const d = deployment({ podSpec: { topologySpreadConstraints: [{ topologyKey: 'kubernetes.io/hostname' }] } });
    expect(statusOf(run(rule, inventory({ kube: [d, service('api', { app: 'api' })] })), 'api')).toBe('fail');
  });

  it('warns about a worker (no Service) without zone spread', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('warn');
  });

  it('skips a single-replica Deployment', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment({ replicas: 1 })] })), 'api')).toBe('skip');
  });
});

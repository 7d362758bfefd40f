import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/pod-hygiene.js';
import { deployment, goodContainer, inventory, kobj, run, statuses, statusOf } from '../helpers.js';

const readinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 };
const livenessProbe = { httpGet: { path: '/health', port: 8080 }, periodSeconds: 20, failureThreshold: 3 };
const app = (extra: Record<string, unknown> = {}) => goodContainer('app', { readinessProbe, livenessProbe, ...extra });

describe('workloads.pod-hygiene', () => {
  it('passes a Deployment with distinct probes and unique env names', () => {
    const d = deployment({
      containers: [
        app({
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        }),
      ],
    });
    expect(statuses(run(rule, inventory({ kube: [d] })), 'api')).toEqual(['pass']);
  });

  it('fails an env name set twice, at the second entry', () => {
    const d = deployment({
      containers: [
        app({
          env: [
            { name: 'A', value: '1' },
            { name: 'A', value: '2' },
          ],
        }),
      ],
    });
    const results = run(rule, inventory({ kube: [d] }));
    expect(statuses(results, 'api')).toEqual(['fail']);
    expect(results[0].path?.slice(-2)).toEqual(['env', 1]);
  });

  it('fails identical readiness and liveness probes, and passes the same check with a longer period', () => {
    const same = deployment({ containers: [app({ livenessProbe: readinessProbe })] });
    expect(statusOf(run(rule, inventory({ kube: [same] })), 'api')).toBe('fail');
    const slower = deployment({ containers: [app({ livenessProbe: { ...readinessProbe, periodSeconds: 30 } })] });
    expect(statusOf(run(rule, inventory({ kube: [slower] })), 'api')).toBe('pass');
  });

  it('fails a bare Pod in prod and warns in test', () => {
    const pod = kobj('Pod', 'debug', { spec: { containers: [app()] } });
    expect(statusOf(run(rule, inventory({ kube: [pod] }), 'prod'), 'debug')).toBe('fail');
    expect(statusOf(run(rule, inventory({ kube: [pod] }), 'test'), 'debug')).toBe('warn');
  });

  it('warns about a workload in the default namespace', () => {
    const d = deployment({ namespace: 'default', containers: [app()] });
    expect(statuses(run(rule, inventory({ kube: [d] })), 'api')).toEqual(['warn']);
  });
});

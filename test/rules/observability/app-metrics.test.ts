import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/app-metrics.js';
import { readsPerObject } from '../../support/counting.js';
import { deployment, goodContainer, inventory, kobj, run, service, statusOf } from '../helpers.js';

const plain = goodContainer('app', { ports: [{ name: 'http', containerPort: 8080 }] });

describe('observability.app-metrics', () => {
  it('passes a container port named metrics', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('pass');
  });

  it('passes prometheus.io/scrape on the pod template', () => {
    const d = deployment({ containers: [plain], podAnnotations: { 'prometheus.io/scrape': 'true' } });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('passes a ServiceMonitor that selects its Service', () => {
    const svc = service('api', { app: 'api' }, { labels: { app: 'api' } });
    const sm = kobj('ServiceMonitor', 'api', {
      spec: { selector: { matchLabels: { app: 'api' } }, endpoints: [{ port: 'http' }] },
    });
    expect(statusOf(run(rule, inventory({ kube: [deployment({ containers: [plain] }), svc, sm] })), 'api')).toBe(
      'pass',
    );
  });

  it('warns when the workload exposes no metrics', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment({ containers: [plain] })] })), 'api')).toBe('warn');
  });
});

describe('observability.app-metrics at scale', () => {
  // One app per namespace, scraped through its Service by a ServiceMonitor and a PodMonitor of its own namespace.
  const fleet = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const namespace = `team-${i}`;
      return [
        deployment({ namespace, containers: [plain] }),
        service('api', { app: 'api' }, { namespace, labels: { app: 'api' } }),
        kobj('ServiceMonitor', 'api', { spec: { selector: { matchLabels: { app: 'other' } } } }, namespace),
        kobj('PodMonitor', 'api', { spec: { selector: { matchLabels: { app: 'api' } } } }, namespace),
      ];
    }).flat();

  it('reads only the monitors of a workload’s namespace, for 200 namespaces as for 2,000', () => {
    const seen = new Set<string>();
    const [small, large] = readsPerObject(
      fleet,
      (objects) => {
        for (const r of run(rule, inventory({ kube: objects }))) seen.add(r.status);
      },
      [200, 2000],
    );
    expect([...seen]).toEqual(['pass']);
    expect(large).toBeLessThan(small * 1.1);
  });

  it('still sees a monitor of another namespace that names the workload’s namespace or any', () => {
    const svc = service('api', { app: 'api' }, { labels: { app: 'api' } });
    for (const namespaceSelector of [{ matchNames: ['shop'] }, { any: true }]) {
      const sm = kobj(
        'ServiceMonitor',
        'all',
        { spec: { namespaceSelector, selector: { matchLabels: { app: 'api' } } } },
        'monitoring',
      );
      const inv = inventory({ kube: [deployment({ containers: [plain] }), svc, sm] });
      expect(statusOf(run(rule, inv), 'api')).toBe('pass');
    }
  });
});

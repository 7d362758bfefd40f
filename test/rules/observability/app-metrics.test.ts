import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/app-metrics.js';
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

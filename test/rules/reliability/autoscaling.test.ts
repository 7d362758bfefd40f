import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/autoscaling.js';
import { deployment, goodContainer, hpa, inventory, run, service, statusOf } from '../helpers.js';

const svc = service('api', { app: 'api' });

describe('reliability.autoscaling', () => {
  it('passes a user-facing Deployment with an HPA that can grow', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), svc, hpa('api-hpa', 'api', 3, 10)] })), 'api')).toBe(
      'pass',
    );
  });

  it('warns about a user-facing Deployment without an autoscaler', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), svc] })), 'api')).toBe('warn');
  });

  it('fails a CPU utilisation HPA whose target has no CPU request', () => {
    const d = deployment({
      containers: [goodContainer('app', { resources: { limits: { cpu: '1', memory: '1Gi' } } })],
    });
    expect(statusOf(run(rule, inventory({ kube: [d, svc, hpa('api-hpa', 'api', 3, 10)] })), 'api-hpa')).toBe('fail');
  });

  it('warns about an HPA whose max equals its min', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment(), svc, hpa('api-hpa', 'api', 3, 3)] })), 'api-hpa')).toBe(
      'warn',
    );
  });

  it('skips a Deployment that is neither user-facing nor autoscaled', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('skip');
  });
});

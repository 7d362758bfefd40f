import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/live-lb-scheme.js';
import { liveInventory, runRule, staticInventory, statuses } from '../../support/live-inventory.js';

const svc = (name: string, annotations: Record<string, string>, hostname?: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'shop', annotations },
  spec: { type: 'LoadBalancer' },
  status: { loadBalancer: { ingress: hostname ? [{ hostname }] : [] } },
});
const ing = (name: string, scheme: string | undefined, hostname: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: 'shop', annotations: scheme ? { 'alb.ingress.kubernetes.io/scheme': scheme } : {} },
  spec: {},
  status: { loadBalancer: { ingress: [{ hostname }] } },
});
const INTERNAL = 'internal-k8s-shop-abc.us-east-1.elb.amazonaws.com';
const PUBLIC = 'k8s-shop-abc.us-east-1.elb.amazonaws.com';
const internalAnn = { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' };

describe('infrastructure.live-lb-scheme', () => {
  it('fails a load balancer whose actual scheme differs from the annotation', async () => {
    const rs = await runRule(rule, liveInventory([svc('db', internalAnn, PUBLIC)], { kinds: ['Service', 'Ingress'] }));
    expect(statuses(rs)).toEqual(['fail']);
  });

  it('passes matching schemes, warns on public Services and unprovisioned ones', async () => {
    const inv = liveInventory(
      [
        svc('a', internalAnn, INTERNAL),
        svc('b', { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }, PUBLIC),
        svc('c', internalAnn),
        ing('web', 'internet-facing', PUBLIC),
      ],
      { kinds: ['Service', 'Ingress'] },
    );
    expect(statuses(await runRule(rule, inv))).toEqual(['pass', 'warn', 'warn', 'pass']);
  });

  it('skips in static mode', async () => {
    expect(statuses(await runRule(rule, staticInventory([svc('a', internalAnn)])))).toEqual(['skip']);
  });
});

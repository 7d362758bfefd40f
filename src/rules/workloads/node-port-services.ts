import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Service types that open a port on every node. */
  nodeTypes: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'workloads.node-port-services',
    title: 'Services are not exposed on a port of every node',
    category: 'workloads',
    checklist: ['security.network-policies'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A NodePort Service opens the same port on every node, outside the ALB, its TLS and its security groups; traffic through the ALB reaches pods directly (target type ip) without it.',
    verified: 'No Service has a type in nodeTypes (NodePort by default; a warning).',
    fix: 'Use a ClusterIP Service behind an Ingress on the shared ALB (the app generators do).',
    equivalents: { kubeScore: ['service-type'], kubescape: ['C-0044'], kubeLinter: ['exposed-services'] },
    params,
    defaults: () => ({ nodeTypes: ['NodePort'] }),
    needs: { kube: ['Service'] },
  },
  check(inv, p) {
    const services = inv.kube('Service');
    if (services.length === 0) return nothingToCheck(inv, ['Service'], 'Services');
    return services.map((s) => {
      const type = ((s.object.spec ?? {}) as { type?: string }).type ?? 'ClusterIP';
      return p.nodeTypes.includes(type)
        ? kubeResult(
            'warn',
            s,
            `is of type ${type}: it opens a port on every node; expected ClusterIP behind an Ingress`,
            ['spec', 'type'],
          )
        : kubeResult('pass', s, `is of type ${type}`, ['spec']);
    });
  },
});

import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether a Service of type LoadBalancer may be internet-facing (instead of going through the HTTPS Ingress). */
  allowPublicServices: z.boolean(),
});

type Scheme = 'internal' | 'internet-facing';

export default defineRule({
  meta: {
    id: 'infrastructure.live-lb-scheme',
    title: 'Load balancers have the scheme their objects ask for',
    category: 'infrastructure',
    checklist: ['infrastructure.private-subnets'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A load balancer that came up internet-facing when its Service or Ingress meant it to be internal exposes the workload; a public Service load balancer also bypasses the HTTPS Ingress.',
    verified:
      'Live or from a dump: for Services of type LoadBalancer and Ingresses with a provisioned load balancer, the scheme seen in status.loadBalancer.ingress (an "internal-" DNS name is internal) matches the scheme annotation (aws-load-balancer-scheme / aws-load-balancer-internal; alb.ingress.kubernetes.io/scheme, default internal). Public Service load balancers warn; not yet provisioned ones warn.',
    fix: 'Set the scheme annotation explicitly, delete the Service or Ingress load balancer so the controller recreates it with that scheme, and expose public traffic only through the HTTPS Ingress.',
    equivalents: {},
    params,
    defaults: () => ({ allowPublicServices: false }),
    needs: { kube: ['Service', 'Ingress'] },
  },
  check(inv, p) {
    const skip = needsLiveFacts(inv, { kind: 'Service', name: '*' }, 'The scheme of provisioned load balancers');
    if (skip) return skip;
    const services = inv
      .kube('Service')
      .filter((s) => (s.object.spec as { type?: string } | undefined)?.type === 'LoadBalancer');
    const ingresses = inv.kube('Ingress');
    if (services.length === 0 && ingresses.length === 0) {
      return nothingToCheck(inv, ['Service', 'Ingress'], 'LoadBalancer Services or Ingresses');
    }
    const out: RuleResult[] = [];
    for (const r of [...services, ...ingresses]) {
      const isService = r.object.kind === 'Service';
      const declared = isService ? serviceScheme(r) : ingressScheme(r);
      const hostnames = (
        (r.object.status as { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } } | undefined)
          ?.loadBalancer?.ingress ?? []
      )
        .map((i) => i.hostname ?? i.ip ?? '')
        .filter(Boolean);
      const path = ['status', 'loadBalancer'];
      if (hostnames.length === 0) {
        out.push(kubeResult('warn', r, `no load balancer provisioned yet (expected ${declared})`, path));
        continue;
      }
      const actual: Scheme = hostnames.every((h) => h.startsWith('internal-')) ? 'internal' : 'internet-facing';
      if (actual !== declared) {
        out.push(
          kubeResult('fail', r, `load balancer ${hostnames[0]} is ${actual}; the object asks for ${declared}`, path),
        );
      } else if (isService && actual === 'internet-facing' && !p.allowPublicServices) {
        out.push(
          kubeResult(
            'warn',
            r,
            `Service load balancer ${hostnames[0]} is internet-facing; public traffic should enter through the HTTPS Ingress`,
            path,
          ),
        );
      } else {
        out.push(kubeResult('pass', r, `load balancer ${hostnames[0]} is ${actual}, as asked`, path));
      }
    }
    return out;
  },
});

function serviceScheme(s: KubeResource): Scheme {
  const a = s.object.metadata.annotations ?? {};
  const scheme = a['service.beta.kubernetes.io/aws-load-balancer-scheme'];
  if (scheme === 'internal' || scheme === 'internet-facing') return scheme;
  const internal = a['service.beta.kubernetes.io/aws-load-balancer-internal'];
  if (internal !== undefined) return internal === 'false' ? 'internet-facing' : 'internal';
  // The AWS Load Balancer Controller defaults to internal; the legacy in-tree controller to internet-facing.
  const cls = (s.object.spec as { loadBalancerClass?: string } | undefined)?.loadBalancerClass;
  return cls === 'service.k8s.aws/nlb' || a['service.beta.kubernetes.io/aws-load-balancer-type'] === 'external'
    ? 'internal'
    : 'internet-facing';
}

function ingressScheme(i: KubeResource): Scheme {
  const scheme = i.object.metadata.annotations?.['alb.ingress.kubernetes.io/scheme'];
  return scheme === 'internet-facing' ? 'internet-facing' : 'internal';
}

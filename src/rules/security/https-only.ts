import { z } from 'zod';
import { albGroupMembers } from '../../inventory/ingress-groups.js';
import type { KubeResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** IngressClass controllers that are the AWS Load Balancer Controller. */
  albControllers: z.array(z.string()).min(1),
  /** Require plain HTTP to redirect to HTTPS (when an HTTP listener exists at all). */
  requireRedirect: z.boolean(),
});

const ALB = 'alb.ingress.kubernetes.io/';

interface IngressSpec {
  ingressClassName?: string;
  tls?: { hosts?: string[] }[];
  rules?: { host?: string }[];
}

function annotations(r: KubeResource): Record<string, string> {
  return (r.object.metadata.annotations ?? {}) as Record<string, string>;
}

/** Protocols of an ALB ingress's listeners, from listen-ports or the controller's default. */
function albListeners(a: Record<string, string>, tls: boolean): Set<string> {
  const raw = a[`${ALB}listen-ports`];
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Record<string, number>[];
      return new Set(parsed.flatMap((entry) => Object.keys(entry).map((k) => k.toUpperCase())));
    } catch {
      return new Set(['INVALID']);
    }
  }
  return new Set([a[`${ALB}certificate-arn`] || tls ? 'HTTPS' : 'HTTP']);
}

function hasRedirectAction(a: Record<string, string>): boolean {
  return Object.entries(a).some(
    ([k, v]) => k.startsWith(`${ALB}actions.`) && /"Protocol"\s*:\s*"HTTPS"/.test(v) && /redirect/i.test(v),
  );
}

export default defineRule({
  meta: {
    id: 'security.https-only',
    title: 'Ingresses terminate TLS and redirect HTTP to HTTPS',
    category: 'security',
    checklist: ['security.https-only'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Plain HTTP exposes credentials, cookies and data to anyone on the path between the user and the load balancer.',
    verified:
      'Each Ingress has a certificate and an HTTPS listener, and any HTTP listener redirects. For the AWS Load Balancer Controller: certificate-arn (or spec.tls / rule hosts for certificate discovery), listen-ports with HTTPS, and ssl-redirect (or a redirect action) when HTTP is also open — set on the Ingress or anywhere in its IngressGroup. Other controllers: spec.tls present and the redirect not switched off.',
    fix: 'ALB: set alb.ingress.kubernetes.io/certificate-arn, listen-ports \'[{"HTTP":80},{"HTTPS":443}]\' and ssl-redirect \'443\' (the ingress generator does when domain.certificateArn is set). Other controllers: add spec.tls with a certificate Secret.',
    equivalents: { polaris: ['tlsSettingsMissing'] },
    params,
    defaults: () => ({ albControllers: ['ingress.k8s.aws/alb'], requireRedirect: true }),
    needs: { kube: ['Ingress', 'IngressClass'] },
  },
  check(inv, p) {
    const ingresses = inv.kube('Ingress');
    if (ingresses.length === 0) return nothingToCheck(inv, ['Ingress'], 'Ingresses');
    const albClasses = new Set(
      inv
        .kube('IngressClass')
        .filter((c) =>
          p.albControllers.includes((c.object.spec as { controller?: string } | undefined)?.controller ?? ''),
        )
        .map((c) => c.object.metadata.name),
    );
    albClasses.add('alb');
    // What a group's members set between them, worked out once per group: linear in the Ingresses.
    const facts = new Map<readonly KubeResource[], GroupFacts>();
    const groupFacts = (ing: KubeResource): GroupFacts => {
      const members = albGroupMembers(inv, ing);
      let hit = facts.get(members);
      if (!hit) {
        hit = factsOf(members);
        facts.set(members, hit);
      }
      return hit;
    };
    const out: RuleResult[] = [];
    for (const ing of ingresses) {
      const a = annotations(ing);
      const spec = (ing.object.spec ?? {}) as IngressSpec;
      const className = spec.ingressClassName ?? a['kubernetes.io/ingress.class'];
      const tls = (spec.tls ?? []).length > 0;
      const isAlb =
        (className !== undefined && albClasses.has(className)) || Object.keys(a).some((k) => k.startsWith(ALB));
      if (isAlb) out.push(checkAlb(ing, a, tls, spec, p.requireRedirect, groupFacts(ing)));
      else out.push(checkOther(ing, a, tls, p.requireRedirect));
    }
    return out;
  },
});

/** Whether any Ingress of an ALB group sets a certificate, and whether any redirects HTTP. */
interface GroupFacts {
  readonly certificate: boolean;
  readonly redirect: boolean;
}

function factsOf(members: readonly KubeResource[]): GroupFacts {
  let certificate = false;
  let redirect = false;
  for (let i = 0; i < members.length; i++) {
    const a = annotations(members[i]);
    if (a[`${ALB}certificate-arn`]) certificate = true;
    if (a[`${ALB}ssl-redirect`] || hasRedirectAction(a)) redirect = true;
  }
  return { certificate, redirect };
}

function checkAlb(
  ing: KubeResource,
  a: Record<string, string>,
  tls: boolean,
  spec: IngressSpec,
  requireRedirect: boolean,
  group: GroupFacts,
): RuleResult {
  const listeners = albListeners(a, tls);
  const ann = ['metadata', 'annotations'];
  if (listeners.has('INVALID')) {
    return kubeResult('fail', ing, `listen-ports is not valid JSON: ${a[`${ALB}listen-ports`]}`, [
      ...ann,
      `${ALB}listen-ports`,
    ]);
  }
  if (!listeners.has('HTTPS')) {
    return kubeResult('fail', ing, 'the load balancer listens on HTTP only; add an HTTPS listener and a certificate', [
      ...ann,
    ]);
  }
  const certificate =
    group.certificate || tls || (spec.rules ?? []).some((r) => typeof r.host === 'string' && r.host !== '');
  if (!certificate) {
    return kubeResult(
      'fail',
      ing,
      'HTTPS listener without a certificate: no certificate-arn, no spec.tls and no host to discover one for',
      ann,
    );
  }
  if (listeners.has('HTTP') && requireRedirect) {
    if (!group.redirect) {
      return kubeResult('fail', ing, 'HTTP listener is open without ssl-redirect: plain HTTP is served', [
        ...ann,
        `${ALB}listen-ports`,
      ]);
    }
    return kubeResult('pass', ing, 'HTTPS with a certificate; HTTP redirects to HTTPS', ann);
  }
  return kubeResult('pass', ing, 'HTTPS only, with a certificate', ann);
}

function checkOther(ing: KubeResource, a: Record<string, string>, tls: boolean, requireRedirect: boolean): RuleResult {
  if (!tls) return kubeResult('fail', ing, 'no spec.tls: the Ingress serves plain HTTP', ['spec']);
  const optOut =
    a['nginx.ingress.kubernetes.io/ssl-redirect'] === 'false' &&
    a['nginx.ingress.kubernetes.io/force-ssl-redirect'] !== 'true';
  if (optOut && requireRedirect) {
    return kubeResult('fail', ing, 'TLS is set but ssl-redirect is "false": plain HTTP is served too', [
      'metadata',
      'annotations',
      'nginx.ingress.kubernetes.io/ssl-redirect',
    ]);
  }
  return kubeResult('pass', ing, 'spec.tls terminates TLS; the controller redirects HTTP', ['spec', 'tls']);
}

import type { KubeObject } from '../../inventory/types.js';
import type { LoadBalancerFact } from '../common/aws-facts.js';
import { ingressStack } from '../common/ingress-alb.js';
import { refOf } from '../problems.js';
import type { DoctorFacts } from './facts-view.js';
import { serviceSelects } from './resolve.js';
import type { DoctorLink } from './types.js';

interface Endpoint {
  addresses?: string[];
  conditions?: { ready?: boolean };
  targetRef?: { name?: string };
}

function backends(ing: KubeObject): string[] {
  const spec = (ing.spec ?? {}) as {
    defaultBackend?: { service?: { name?: string } };
    rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[];
  };
  const names = [
    spec.defaultBackend?.service?.name,
    ...(spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name)),
  ];
  return names.filter((n): n is string => typeof n === 'string');
}

function albLink(ing: KubeObject, f: DoctorFacts): DoctorLink | undefined {
  const hostname = ((ing.status as { loadBalancer?: { ingress?: { hostname?: string }[] } } | undefined)?.loadBalancer
    ?.ingress ?? [])[0]?.hostname;
  const object = { kind: 'LoadBalancer', name: hostname ?? ing.metadata.name };
  if (!hostname) {
    const problem = {
      severity: 'warning' as const,
      code: 'ingress.no-address',
      object: refOf(ing),
      what: 'the Ingress has no load balancer address yet',
      next: `kubectl describe ingress ${ing.metadata.name} -n ${ing.metadata.namespace}`,
      source: 'kubernetes' as const,
    };
    return { step: 'ALB', object, state: 'problem', detail: 'no address', problem };
  }
  if (f.input.aws.loadBalancers === undefined) return undefined;
  const albs = f.aws<readonly LoadBalancerFact[]>('loadBalancers');
  if (!albs) return { step: 'ALB', object, state: 'unknown', detail: hostname, reason: f.awsReason('loadBalancers') };
  // The controller's stack tag names the Ingress (or its group); the status hostname is the fallback.
  const stack = ingressStack(ing);
  const alb = albs.find((a) => a.stack === stack) ?? albs.find((a) => a.dnsName === hostname);
  if (!alb)
    return {
      step: 'ALB',
      object,
      state: 'unknown',
      detail: hostname,
      reason: `no load balancer tagged ingress.k8s.aws/stack=${stack} or with this DNS name was described`,
    };
  const unhealthy = (alb.targetGroups ?? []).filter((t) => t.unhealthy > 0);
  const health = (alb.targetGroups ?? [])
    .map((t) => `${t.name} ${t.healthy} healthy/${t.unhealthy} unhealthy`)
    .join(', ');
  const detail = `${alb.state}${health ? `, ${health}` : ''}`;
  if (alb.state !== 'active' || unhealthy.length) {
    const reasons = unhealthy.flatMap((t) => t.unhealthyReasons ?? []);
    return {
      step: 'ALB',
      object,
      state: 'problem',
      detail,
      problem: {
        severity: alb.state !== 'active' ? 'critical' : 'warning',
        code: 'alb.unhealthy-targets',
        object,
        what:
          alb.state !== 'active'
            ? `load balancer is ${alb.state}`
            : `${unhealthy.reduce((n, t) => n + t.unhealthy, 0)} unhealthy target(s)`,
        ...(reasons.length
          ? {
              cause: `${[...new Set(reasons)].join(', ')}: the targets fail the health check (often the pods that are not ready)`,
            }
          : {}),
        next: alb.arn
          ? `aws elbv2 describe-target-groups --load-balancer-arn ${alb.arn}, then aws elbv2 describe-target-health --target-group-arn <its arn>`
          : 'aws elbv2 describe-target-health --target-group-arn <arn of the target group>',
        source: 'joined',
      },
    };
  }
  return { step: 'ALB', object, state: 'ok', detail };
}

/** Services that select the pods → their EndpointSlices → Ingresses that route to them → the ALB behind each. */
export function networkLinks(pods: readonly KubeObject[], f: DoctorFacts): DoctorLink[] {
  const services = f.list('Service');
  if (!services)
    return [{ step: 'Service', state: 'unknown', detail: 'Services of the namespace', reason: f.reason('Service') }];
  const selecting = services.filter((s) => pods.some((p) => serviceSelects(s, p)));
  const out: DoctorLink[] = [];
  const slices = f.list('EndpointSlice');
  const ingresses = f.list('Ingress');
  for (const svc of selecting) {
    out.push({
      step: 'Service',
      object: refOf(svc),
      state: 'ok',
      detail: `selects ${pods.filter((p) => serviceSelects(svc, p)).length} of the pods`,
    });
    if (!slices)
      out.push({
        step: 'EndpointSlice',
        state: 'unknown',
        detail: svc.metadata.name,
        reason: f.reason('EndpointSlice'),
      });
    else {
      const mine = slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
      const endpoints = mine.flatMap((s) => (s as { endpoints?: Endpoint[] }).endpoints ?? []);
      const ready = endpoints.filter((e) => e.conditions?.ready !== false);
      const notReady = endpoints
        .filter((e) => e.conditions?.ready === false)
        .map((e) => e.targetRef?.name ?? e.addresses?.[0] ?? '?');
      const object = {
        kind: 'EndpointSlice',
        name: mine[0]?.metadata.name ?? svc.metadata.name,
        namespace: svc.metadata.namespace,
      };
      const detail = `${ready.length} ready endpoint(s)${notReady.length ? `, not ready: ${notReady.join(', ')}` : ''}`;
      if (ready.length === 0)
        out.push({
          step: 'EndpointSlice',
          object,
          state: 'problem',
          detail,
          problem: {
            severity: 'critical',
            code: 'service.no-endpoints',
            object: refOf(svc),
            what: `Service ${svc.metadata.name} has no ready endpoints: requests to it fail`,
            cause: notReady.length ? `not ready: ${notReady.join(', ')}` : 'no pod is ready',
            next: `kubectl get endpointslices -n ${svc.metadata.namespace} -l kubernetes.io/service-name=${svc.metadata.name}`,
            source: 'kubernetes',
          },
        });
      else out.push({ step: 'EndpointSlice', object, state: 'ok', detail });
    }
    if (!ingresses) {
      out.push({ step: 'Ingress', state: 'unknown', detail: svc.metadata.name, reason: f.reason('Ingress') });
      continue;
    }
    for (const ing of ingresses.filter((i) => backends(i).includes(svc.metadata.name))) {
      const hosts = ((ing.spec as { rules?: { host?: string }[] } | undefined)?.rules ?? [])
        .map((r) => r.host)
        .filter(Boolean);
      out.push({
        step: 'Ingress',
        object: refOf(ing),
        state: 'ok',
        detail: `routes ${hosts.join(', ') || '*'} to ${svc.metadata.name}`,
      });
      const alb = albLink(ing, f);
      if (alb) out.push(alb);
    }
  }
  return out;
}

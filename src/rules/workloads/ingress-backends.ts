import { z } from 'zod';
import { nothingToCheck, unknownKube } from '../support/coverage.js';
import { getBeside } from '../support/references.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** IngressClass names whose backends are not Services of this cluster (none by default). */
  ignoreClasses: z.array(z.string()),
});

interface Backend {
  service?: { name?: string; port?: { number?: number; name?: string } };
  resource?: unknown;
  /** extensions/v1beta1 and networking.k8s.io/v1beta1 (removed in Kubernetes 1.22). */
  serviceName?: string;
  servicePort?: number | string;
}

const LEGACY_VERSIONS = ['extensions/v1beta1', 'networking.k8s.io/v1beta1'];

/** A v1beta1 backend in the v1 shape; in v1 the old fields mean nothing (the API server refuses them). */
function normalised(backend: Backend, legacy: boolean): Backend {
  if (!legacy || backend.service || backend.serviceName === undefined) return backend;
  const port = backend.servicePort;
  return {
    service: { name: backend.serviceName, port: typeof port === 'number' ? { number: port } : { name: port } },
  };
}
interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: Backend;
  rules?: { http?: { paths?: { backend?: Backend }[] } }[];
}

export default defineRule({
  meta: {
    id: 'workloads.ingress-backends',
    title: 'Ingress backends are Services that exist, on ports they have',
    category: 'workloads',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'An Ingress path to a missing Service, or to a port the Service does not have, answers 503 (the AWS Load Balancer Controller creates no target group for it) while the rest of the Ingress looks healthy.',
    verified:
      "Every Service backend of each Ingress (default backend and rule paths) names a Service in the Ingress's namespace, and its port number or name is one of that Service's ports; a backend naming neither a Service nor a resource fails (in networking.k8s.io/v1, serviceName/servicePort are not read; in the removed v1beta1 versions they are). Resource backends are skipped.",
    fix: "Point the backend at the Service's name and one of its ports (by name, such as http, to survive renumbering).",
    equivalents: {
      kubeScore: ['ingress-targets-service'],
      kubeLinter: ['dangling-ingress'],
    },
    params,
    defaults: () => ({ ignoreClasses: [] }),
    needs: { kube: ['Ingress', 'Service'] },
  },
  check(inv, p) {
    const ingresses = inv.kube('Ingress');
    if (ingresses.length === 0) return nothingToCheck(inv, ['Ingress'], 'Ingresses');
    const unseen = unknownKube(inv, ['Service']);
    if (unseen) return unseen;
    const out: RuleResult[] = [];
    for (const ing of ingresses) {
      const spec = (ing.object.spec ?? {}) as IngressSpec;
      if (spec.ingressClassName && p.ignoreClasses.includes(spec.ingressClassName)) continue;
      const ns = ing.object.metadata.namespace ?? 'default';
      const legacy = LEGACY_VERSIONS.includes(String(ing.object.apiVersion));
      const backends: { backend: Backend; path: (string | number)[] }[] = [];
      if (spec.defaultBackend)
        backends.push({ backend: normalised(spec.defaultBackend, legacy), path: ['spec', 'defaultBackend'] });
      (spec.rules ?? []).forEach((rule, i) => {
        (rule.http?.paths ?? []).forEach((path, j) => {
          if (path.backend)
            backends.push({
              backend: normalised(path.backend, legacy),
              path: ['spec', 'rules', i, 'http', 'paths', j, 'backend'],
            });
        });
      });
      const problems: RuleResult[] = [];
      let checked = 0;
      for (const { backend, path } of backends) {
        if (backend.resource !== undefined) continue;
        checked++;
        const name = backend.service?.name;
        if (!name) {
          const old = backend.serviceName !== undefined ? ' (serviceName and servicePort are v1beta1 fields)' : '';
          const message = `a backend names no Service and no resource${old}; expected service.name and service.port`;
          problems.push(kubeResult('fail', ing, message, path));
          continue;
        }
        const svc = getBeside(inv, ing, 'Service', name);
        if (!svc) {
          problems.push(
            kubeResult(
              'fail',
              ing,
              `backend Service ${name} does not exist in namespace ${ns}`,
              path.concat('service', 'name'),
            ),
          );
          continue;
        }
        const port = backend.service?.port;
        const ports = (svc.object.spec as { ports?: { name?: string; port?: number }[] } | undefined)?.ports ?? [];
        const ok =
          port === undefined ||
          (port.number !== undefined
            ? ports.some((x) => x.port === port.number)
            : ports.some((x) => x.name === port.name));
        if (!ok) {
          const seen = port?.number !== undefined ? `port ${port.number}` : `port name ${JSON.stringify(port?.name)}`;
          const has = ports.map((x) => (x.name ? `${x.name}/${x.port}` : String(x.port))).join(', ') || 'none';
          problems.push(
            kubeResult(
              'fail',
              ing,
              `backend Service ${name} has no ${seen} (its ports: ${has})`,
              path.concat('service', 'port'),
            ),
          );
        }
      }
      if (problems.length > 0) out.push(...problems);
      else if (checked > 0) out.push(kubeResult('pass', ing, 'every backend is an existing Service port'));
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Ingress'], 'Ingress backends');
  },
});

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
      "Every Service backend of each Ingress (default backend and rule paths) names a Service in the Ingress's namespace, and its port number or name is one of that Service's ports. Resource backends are skipped.",
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
      const backends: { backend: Backend; path: (string | number)[] }[] = [];
      if (spec.defaultBackend) backends.push({ backend: spec.defaultBackend, path: ['spec', 'defaultBackend'] });
      (spec.rules ?? []).forEach((rule, i) => {
        (rule.http?.paths ?? []).forEach((path, j) => {
          if (path.backend)
            backends.push({ backend: path.backend, path: ['spec', 'rules', i, 'http', 'paths', j, 'backend'] });
        });
      });
      const problems: RuleResult[] = [];
      for (const { backend, path } of backends) {
        const name = backend.service?.name;
        if (!name) continue;
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
      else if (backends.length > 0) out.push(kubeResult('pass', ing, 'every backend is an existing Service port'));
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Ingress'], 'Ingress backends');
  },
});

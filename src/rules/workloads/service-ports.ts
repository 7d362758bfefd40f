import { z } from 'zod';
import { serviceSelector } from '../../inventory/object-fields.js';
import { nothingToCheck } from '../support/coverage.js';
import { matchPort } from '../support/ports.js';
import { kubeResult } from '../support/results.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Service types that route outside the cluster's pods by design; not checked. */
  ignoreTypes: z.array(z.string()),
});

interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: string | number;
  protocol?: string;
}

export default defineRule({
  meta: {
    id: 'workloads.service-ports',
    title: "A Service's target ports are ports its pods expose",
    category: 'workloads',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'A Service whose targetPort names a port no selected container declares has no ready endpoint for that port; a number nobody declares usually means the Service and the container disagree on where the app listens.',
    verified:
      'For each port of a Service with a selector, among the containers of the workloads it selects: a named targetPort must be a declared port name with the same protocol, a numeric one (the port itself when targetPort is omitted) a declared containerPort. An undeclared number on pods that declare no ports at all is a warning. Services that select no workload are left to workloads.service-targets.',
    fix: "Set targetPort to the name of the container's port (such as http), or declare the port in the container.",
    equivalents: {},
    params,
    defaults: () => ({ ignoreTypes: ['ExternalName'] }),
    needs: { kube: ['Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'] },
  },
  check(inv, p) {
    const services = inv.kube('Service');
    if (services.length === 0) return nothingToCheck(inv, ['Service'], 'Services');
    const out: RuleResult[] = [];
    for (const s of services) {
      const spec = (s.object.spec ?? {}) as { type?: string; ports?: ServicePort[] };
      if (p.ignoreTypes.includes(spec.type ?? 'ClusterIP')) continue;
      const selector = serviceSelector(s);
      if (!selector || Object.keys(selector).length === 0) continue;
      const pods = inv.selectPods(s.object.metadata.namespace ?? 'default', { matchLabels: selector });
      if (pods.length === 0) continue;
      const containers = pods.flatMap((w) => containersOf(w).map((c) => c.container));
      const ports = spec.ports ?? [];
      let failed = false;
      for (let i = 0; i < ports.length; i++) {
        const sp = ports[i];
        const target = sp.targetPort ?? sp.port;
        if (target === undefined) continue;
        const matches = containers.map((c) => matchPort(c, target, sp.protocol ?? 'TCP'));
        if (matches.includes('declared')) continue;
        const path = ['spec', 'ports', i, sp.targetPort === undefined ? 'port' : 'targetPort'];
        const seen = `port ${sp.name ?? i} targets ${JSON.stringify(target)}`;
        if (matches.every((m) => m === 'no-ports')) {
          out.push(
            kubeResult('warn', s, `${seen}, and the selected containers declare no ports to compare with`, path),
          );
        } else {
          out.push(
            kubeResult('fail', s, `${seen}, which no selected container declares (${sp.protocol ?? 'TCP'})`, path),
          );
          failed = true;
        }
      }
      if (!failed) out.push(kubeResult('pass', s, 'its target ports are declared by the selected containers'));
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Service'], 'Services that select workloads');
  },
});

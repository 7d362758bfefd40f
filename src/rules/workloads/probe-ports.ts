import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { matchPort } from '../support/ports.js';
import { containerResult } from '../support/results.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Probes to check. */
  probes: z.array(z.enum(['livenessProbe', 'readinessProbe', 'startupProbe'])).min(1),
});

interface Probe {
  httpGet?: { port?: string | number };
  tcpSocket?: { port?: string | number };
  grpc?: { port?: number };
}

export default defineRule({
  meta: {
    id: 'workloads.probe-ports',
    title: 'Probes point at ports the container exposes',
    category: 'workloads',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'A probe on a port name the container does not declare cannot run, and one on a port nobody listens on always fails: the pod never becomes ready, or the kubelet restarts it in a loop.',
    verified:
      "Each httpGet, tcpSocket and grpc probe port is declared by the container: a named port must be one of its ports' names (TCP), a number one of its containerPorts. A number on a container that declares no ports at all is a warning (it may still listen there).",
    fix: 'Point the probe at a named port the container declares (such as http), or declare the port the probe uses.',
    equivalents: {
      kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'],
    },
    params,
    defaults: () => ({
      probes: ['livenessProbe', 'readinessProbe', 'startupProbe'] as (
        | 'livenessProbe'
        | 'readinessProbe'
        | 'startupProbe'
      )[],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check(inv, p) {
    const workloads = inv.workloads();
    const out: RuleResult[] = [];
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      for (const c of containersOf(w)) {
        for (const field of p.probes) {
          const probe = c.container[field] as Probe | undefined;
          if (!probe) continue;
          const [kind, port] = probe.httpGet
            ? ['httpGet', probe.httpGet.port]
            : probe.tcpSocket
              ? ['tcpSocket', probe.tcpSocket.port]
              : probe.grpc
                ? ['grpc', probe.grpc.port]
                : ['', undefined];
          if (port === undefined) continue;
          const path = c.path.concat(field, kind, 'port');
          const seen = `${field} ${kind} port ${JSON.stringify(port)}`;
          const match = matchPort(c.container, port);
          const name = c.container.name;
          if (match === 'declared')
            out.push(containerResult('pass', w, c, `${seen} is declared by container ${name}`, path));
          else if (match === 'no-ports')
            out.push(
              containerResult('warn', w, c, `${seen}: container ${name} declares no ports to compare with`, path),
            );
          else {
            const why =
              match === 'wrong-protocol'
                ? 'is declared with a protocol other than TCP'
                : `is not among the container's declared ports`;
            out.push(containerResult('fail', w, c, `${seen} of container ${name} ${why}`, path));
          }
        }
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'probes with ports');
  },
});

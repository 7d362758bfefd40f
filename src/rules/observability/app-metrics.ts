import { z } from 'zod';
import type { Inventory } from '../../inventory/inventory.js';
import { monitorsWatching } from '../../inventory/monitor-namespaces.js';
import { type LabelSelector, matchesSelector } from '../../inventory/selectors.js';
import type { KubeResource } from '../../inventory/types.js';
import { annotationOf, LONG_RUNNING_KINDS } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { envOf } from '../support/secrets.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Container port names that serve metrics. */
  portNames: z.array(z.string()),
  /** Annotations that turn on scraping. */
  scrapeAnnotations: z.array(z.string()),
  /** Env vars that show the app pushes metrics (OpenTelemetry, CloudWatch EMF, StatsD). */
  pushEnv: z.array(z.string()),
});

interface MonitorSpec {
  selector?: LabelSelector;
  namespaceSelector?: { any?: boolean; matchNames?: string[] };
}

function monitorSees(m: KubeResource, ns: string, labels: Readonly<Record<string, string>>): boolean {
  const spec = (m.object.spec ?? {}) as MonitorSpec;
  const own = m.object.metadata.namespace ?? 'default';
  const nsOk = spec.namespaceSelector?.any === true || (spec.namespaceSelector?.matchNames ?? [own]).includes(ns);
  return nsOk && matchesSelector(spec.selector ?? {}, labels);
}

/** The first monitor that scrapes pods or a Service with these labels in namespace `ns`. */
function firstMonitor(
  monitors: readonly KubeResource[],
  ns: string,
  labels: Readonly<Record<string, string>>,
): KubeResource | undefined {
  for (let i = 0; i < monitors.length; i++) if (monitorSees(monitors[i], ns, labels)) return monitors[i];
  return undefined;
}

/** How the workload exposes metrics, if it does. */
function exposure(inv: Inventory, w: Workload, p: z.infer<typeof params>): string | undefined {
  // Indexed loops: this runs per workload, container, port and env var, mostly before the JIT optimises it.
  const containers = containersOf(w);
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i].container;
    const ports = c.ports;
    if (Array.isArray(ports)) {
      for (let j = 0; j < ports.length; j++) {
        const name = (ports[j] as { name?: string }).name;
        if (name && p.portNames.includes(name)) return `container ${c.name} has port ${name}`;
      }
    }
    const env = envOf(c);
    for (let j = 0; j < env.length; j++) {
      if (p.pushEnv.includes(env[j].name)) return `container ${c.name} pushes metrics (${env[j].name})`;
    }
  }
  const ann = annotationOf(w, p.scrapeAnnotations);
  if (ann && ann.value !== 'false') return `annotated ${ann.key}`;
  const services = inv.servicesFor(w);
  const serviceMonitors = monitorsWatching(inv, 'ServiceMonitor', w.namespace);
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    const a = s.object.metadata.annotations ?? {};
    for (let j = 0; j < p.scrapeAnnotations.length; j++) {
      const key = p.scrapeAnnotations[j];
      if (a[key] && a[key] !== 'false') return `Service ${s.object.metadata.name} is annotated ${key}`;
    }
    if (serviceMonitors.length === 0) continue;
    const sm = firstMonitor(serviceMonitors, w.namespace, s.object.metadata.labels ?? {});
    if (sm) return `ServiceMonitor ${sm.object.metadata.name} scrapes Service ${s.object.metadata.name}`;
  }
  const pm = firstMonitor(monitorsWatching(inv, 'PodMonitor', w.namespace), w.namespace, w.podLabels);
  if (pm) return `PodMonitor ${pm.object.metadata.name} scrapes its pods`;
  return undefined;
}

const LONG_RUNNING = { kinds: LONG_RUNNING_KINDS };

export default defineRule({
  meta: {
    id: 'observability.app-metrics',
    title: 'Workloads expose application metrics',
    category: 'observability',
    checklist: ['observability.app-metrics'],
    severity: { test: 'info', prod: 'low' },
    why: "Node and pod metrics say a pod is busy; only the application's own metrics say whether orders go through.",
    verified:
      'Each Deployment, StatefulSet and DaemonSet has a container port named metrics or http-metrics, prometheus.io/scrape annotations (pod or Service), a ServiceMonitor or PodMonitor selecting it, or an OpenTelemetry/StatsD endpoint in its env (a warning when none).',
    fix: 'Serve /metrics on a port named `metrics` and annotate prometheus.io/scrape: "true" (apps: `metrics:` in slipway.config.yaml), or push with OpenTelemetry.',
    equivalents: {},
    params,
    defaults: () => ({
      portNames: ['metrics', 'http-metrics', 'prometheus', 'prom'],
      scrapeAnnotations: ['prometheus.io/scrape'],
      pushEnv: [
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
        'STATSD_HOST',
        'AWS_EMF_ENVIRONMENT',
      ],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service', 'ServiceMonitor', 'PodMonitor'] },
  },
  check(inv, p) {
    const workloads = inv.workloads(LONG_RUNNING);
    if (workloads.length === 0) return nothingToCheck(inv, LONG_RUNNING_KINDS, 'long-running workloads');
    const out: RuleResult[] = [];
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      const how = exposure(inv, w, p);
      out.push(
        how
          ? workloadResult('pass', w, how)
          : workloadResult(
              'warn',
              w,
              'exposes no metrics: no metrics port, scrape annotation, monitor or push endpoint',
            ),
      );
    }
    return out;
  },
});

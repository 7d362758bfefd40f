import { z } from 'zod';
import { checkContainers } from '../support/container-checks.js';
import { containerDefaults } from '../support/limit-range.js';
import { listText } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** The resource name of node-local scratch space. */
  resource: z.string().min(1),
  ignoreNamespaces: z.array(z.string()),
});

interface Resources {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

export default defineRule({
  meta: {
    id: 'workloads.ephemeral-storage',
    title: 'Containers request and limit ephemeral storage',
    category: 'workloads',
    checklist: ['reliability.resources'],
    severity: { test: 'low', prod: 'low' },
    why: "Logs, the writable layer and emptyDir volumes live on the node's disk: without a request the scheduler packs pods onto a full disk, and without a limit one pod can fill it and get every pod on the node evicted.",
    verified:
      'Every container and init container sets resources.requests and resources.limits for ephemeral-storage, or gets them from a LimitRange of its namespace in the sources (default, defaultRequest, max and min, as the API server applies them; the pass says which); a warning when either is missing.',
    fix: 'Set resources.requests.ephemeral-storage and resources.limits.ephemeral-storage to what the container writes locally (logs, /tmp, caches).',
    equivalents: { kubeScore: ['container-ephemeral-storage-request-and-limit'] },
    params,
    defaults: () => ({ resource: 'ephemeral-storage', ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'LimitRange'] },
  },
  check: (inv, p) =>
    checkContainers(inv, p, (w, c) => {
      const res = (c.container.resources ?? {}) as Resources;
      const defaults = containerDefaults(inv, w.namespace);
      const missing: string[] = [];
      const supplied: string[] = [];
      const from = new Set<string>();
      for (const k of ['requests', 'limits'] as const) {
        if (res[k]?.[p.resource] !== undefined) continue;
        const fallback = (k === 'requests' ? defaults.requests : defaults.limits).get(p.resource);
        if (fallback) {
          supplied.push(k);
          from.add(fallback.from);
        } else missing.push(k);
      }
      const name = c.container.name;
      const path = c.path.concat('resources');
      if (missing.length > 0) {
        return { status: 'warn', message: `container ${name} sets no ${p.resource} in ${missing.join(' or ')}`, path };
      }
      if (supplied.length > 0) {
        const message = `container ${name} requests and limits ${p.resource}: its ${listText(supplied)} from ${listText([...from])} of namespace ${w.namespace}`;
        return { status: 'pass', message, path: c.path };
      }
      return { status: 'pass', message: `container ${name} requests and limits ${p.resource}`, path };
    }),
});

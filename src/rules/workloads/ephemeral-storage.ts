import { z } from 'zod';
import { checkContainers } from '../support/container-checks.js';
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
      'Every container and init container sets resources.requests and resources.limits for ephemeral-storage (a warning when either is missing).',
    fix: 'Set resources.requests.ephemeral-storage and resources.limits.ephemeral-storage to what the container writes locally (logs, /tmp, caches).',
    equivalents: { kubeScore: ['container-ephemeral-storage-request-and-limit'] },
    params,
    defaults: () => ({ resource: 'ephemeral-storage', ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkContainers(inv, p, (_w, c) => {
      const res = (c.container.resources ?? {}) as Resources;
      const missing = (['requests', 'limits'] as const).filter((k) => res[k]?.[p.resource] === undefined);
      const name = c.container.name;
      return missing.length === 0
        ? {
            status: 'pass',
            message: `container ${name} requests and limits ${p.resource}`,
            path: c.path.concat('resources'),
          }
        : {
            status: 'warn',
            message: `container ${name} sets no ${p.resource} in ${missing.join(' or ')}`,
            path: c.path.concat('resources'),
          };
    }),
});

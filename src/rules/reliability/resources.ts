import { z } from 'zod';
import { checkContainers } from '../support/container-checks.js';
import { parseQuantity } from '../support/quantity.js';
import { listText } from '../support/results.js';
import { defineRule } from '../types.js';

interface Resources {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

const params = z.object({
  /** Fields every container must set, as `requests.cpu`, `limits.memory`, … */
  required: z.array(z.enum(['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'])).min(1),
  /** Also check init containers. */
  initContainers: z.boolean(),
});

export default defineRule({
  meta: {
    id: 'reliability.resources',
    title: 'Containers set CPU and memory requests and limits',
    category: 'reliability',
    checklist: ['reliability.resources'],
    pitfall: 1,
    severity: { test: 'medium', prod: 'high' },
    why: 'Without requests the scheduler packs pods blindly; without limits one pod can take all of a node and starve its neighbours.',
    verified:
      'Every container and init container of every workload declares resources.requests and resources.limits for cpu and memory, and no request exceeds its limit.',
    fix: 'Set resources.requests from load tests and resources.limits a little above them (apps: `resources` in slipway.config.yaml).',
    equivalents: {
      polaris: ['cpuRequestsMissing', 'cpuLimitsMissing', 'memoryRequestsMissing', 'memoryLimitsMissing'],
      kubeScore: ['container-resources'],
      kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
      kubescape: ['C-0004', 'C-0050'],
      checkov: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
    },
    params,
    defaults: (): z.infer<typeof params> => ({
      required: ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'],
      initContainers: true,
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) => {
    // Split once per run, not once per container.
    const fields = p.required.map((field) => [field, ...field.split('.')] as [string, 'requests' | 'limits', string]);
    const allSet = `sets ${listText(p.required)}`;
    return checkContainers(inv, { init: p.initContainers }, (_w, c) => {
      const res = (c.container.resources ?? {}) as Resources;
      const missing: string[] = [];
      for (const [field, group, name] of fields) {
        const v = res[group]?.[name];
        if (v === undefined || v === '') missing.push(field);
      }
      const inverted: string[] = [];
      for (const r of RESOURCE_NAMES) {
        const req = parseQuantity(res.requests?.[r]);
        const lim = parseQuantity(res.limits?.[r]);
        if (req !== undefined && lim !== undefined && req > lim) inverted.push(r);
      }
      const label = `${c.init ? 'init container' : 'container'} ${c.container.name}`;
      if (missing.length > 0) {
        const onlyLimits = missing.every((m) => m.startsWith('limits.'));
        const onlyRequests = missing.every((m) => m.startsWith('requests.'));
        const path = [...c.path, 'resources', ...(onlyLimits ? ['limits'] : onlyRequests ? ['requests'] : [])];
        return { status: 'fail', message: `${label} does not set ${listText(missing)}`, path };
      }
      if (inverted.length > 0) {
        const message = `${label} requests more ${listText(inverted)} than its limit allows`;
        return { status: 'fail', message, path: [...c.path, 'resources', 'requests'] };
      }
      return { status: 'pass', message: `${label} ${allSet}`, path: [...c.path, 'resources'] };
    });
  },
});

const RESOURCE_NAMES = ['cpu', 'memory'] as const;

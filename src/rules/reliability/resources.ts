import { z } from 'zod';
import { checkContainers } from '../support/container-checks.js';
import { containerDefaults, type DefaultValue } from '../support/limit-range.js';
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
      'Every container and init container of every workload declares resources.requests and resources.limits for cpu and memory, or gets them from a LimitRange of its namespace in the sources (default, defaultRequest, max and min, as the API server applies them at admission; the pass says which), and no request exceeds its limit.',
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
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'LimitRange'] },
  },
  check: (inv, p) => {
    // Split once per run, not once per container.
    const required = p.required;
    const groups: ('requests' | 'limits')[] = [];
    const names: string[] = [];
    for (let i = 0; i < required.length; i++) {
      const [group, name] = required[i].split('.') as ['requests' | 'limits', string];
      groups.push(group);
      names.push(name);
    }
    const allSet = ` sets ${listText(required)}`;
    return checkContainers(inv, { init: p.initContainers }, (w, c) => {
      const res = c.container.resources as Resources | null | undefined;
      let requests = res?.requests;
      let limits = res?.limits;
      const defaults = containerDefaults(inv, w.namespace);
      // What LimitRanges fill in, and which ones; built only when a namespace has defaults.
      let supplied: string[] | undefined;
      let from: Set<string> | undefined;
      // Indexed loop, `missing` built only when needed: runs per container, mostly before the JIT optimises it.
      let missing: string[] | undefined;
      let missingRequests = false;
      let missingLimits = false;
      for (let i = 0; i < required.length; i++) {
        const requestsField = groups[i] === 'requests';
        const v = (requestsField ? requests : limits)?.[names[i]];
        const fallback = v === undefined || v === '' ? defaultFor(defaults, requestsField, names[i]) : undefined;
        if (fallback) {
          if (supplied === undefined || from === undefined) {
            supplied = [];
            from = new Set();
          }
          supplied.push(required[i]);
          from.add(fallback.from);
          if (requestsField) requests = { ...requests, [names[i]]: fallback.value };
          else limits = { ...limits, [names[i]]: fallback.value };
        } else if (v === undefined || v === '') {
          if (missing === undefined) missing = [];
          missing.push(required[i]);
          if (requestsField) missingRequests = true;
          else missingLimits = true;
        }
      }
      const label = `${c.init ? 'init container ' : 'container '}${c.container.name}`;
      if (missing !== undefined) {
        // At the group when only one group is incomplete.
        const group = !missingRequests ? 'limits' : !missingLimits ? 'requests' : undefined;
        const path = group ? c.path.concat('resources', group) : c.path.concat('resources');
        return { status: 'fail', message: `${label} does not set ${listText(missing)}`, path };
      }
      const cpu = exceedsLimit(requests, limits, 'cpu');
      const memory = exceedsLimit(requests, limits, 'memory');
      if (cpu || memory) {
        const inverted = listText(cpu && memory ? ['cpu', 'memory'] : [cpu ? 'cpu' : 'memory']);
        const message = `${label} requests more ${inverted} than its limit allows`;
        return { status: 'fail', message, path: c.path.concat('resources', 'requests') };
      }
      // Paths by concat, not a spread: half the allocation, and faster before the JIT optimises this.
      if (supplied !== undefined && from !== undefined) {
        const message = `${label} has ${listText(required)}: ${listText(supplied)} from ${listText([...from])} of namespace ${w.namespace}`;
        return { status: 'pass', message, path: c.path };
      }
      return { status: 'pass', message: `${label}${allSet}`, path: c.path.concat('resources') };
    });
  },
});

/** The LimitRange default for a request or limit the container leaves out, if its namespace has one. */
function defaultFor(
  defaults: ReturnType<typeof containerDefaults>,
  request: boolean,
  name: string,
): DefaultValue | undefined {
  return (request ? defaults.requests : defaults.limits).get(name);
}

/** Whether the container requests more of a resource than its limit (both set and readable). */
function exceedsLimit(
  requests: Record<string, unknown> | undefined,
  limits: Record<string, unknown> | undefined,
  name: 'cpu' | 'memory',
): boolean {
  const req = parseQuantity(requests?.[name]);
  if (req === undefined) return false;
  const lim = parseQuantity(limits?.[name]);
  return lim !== undefined && req > lim;
}

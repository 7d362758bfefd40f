import { z } from 'zod';
import { PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { listText, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Kinds each application namespace needs. */
  required: z.array(z.enum(['ResourceQuota', 'LimitRange'])).min(1),
  /** Namespaces the cluster and the platform add-ons own; not checked. */
  ignoreNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'workloads.resource-quotas',
    title: 'Application namespaces have a ResourceQuota and a LimitRange',
    category: 'workloads',
    checklist: [],
    severity: { test: 'info', prod: 'low' },
    why: 'Without a quota one tier can scale or leak until the others have no room: the noisy neighbour of a multi-tier application. A LimitRange gives containers that declare nothing sane defaults.',
    verified:
      'Every namespace that runs workloads (outside the system and platform namespaces) holds a ResourceQuota and a LimitRange; a warning when one is missing.',
    fix: "Add a ResourceQuota sized for the namespace's apps at peak scale and a LimitRange with default requests and limits (the app generators emit both per namespace).",
    equivalents: {},
    params,
    defaults: (): z.infer<typeof params> => ({
      required: ['ResourceQuota', 'LimitRange'],
      ignoreNamespaces: [...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES],
    }),
    needs: { kube: ['ResourceQuota', 'LimitRange', 'Namespace'] },
  },
  check(inv, p) {
    const namespaces = [...new Set(inv.workloads().map((w) => w.namespace))]
      .filter((ns) => !p.ignoreNamespaces.includes(ns))
      .sort();
    if (namespaces.length === 0) return nothingToCheck(inv, ['Deployment'], 'application namespaces');
    const unknown = nothingToCheck(inv, p.required, '');
    if (unknown[0].status === 'unknown') return unknown;
    const out: RuleResult[] = [];
    for (const ns of namespaces) {
      const missing = p.required.filter((kind) => inv.inNamespace(kind, ns).length === 0);
      const subject = { kind: 'Namespace', name: ns };
      const nsObject = inv.get('Namespace', undefined, ns);
      out.push(
        missing.length === 0
          ? result('pass', subject, `has ${listText(p.required)}`, nsObject)
          : result('warn', subject, `namespace ${ns} has no ${listText(missing)}`, nsObject),
      );
    }
    return out;
  },
});

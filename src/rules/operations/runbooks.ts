import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { annotationOf, PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Annotations that link a workload to its runbook (first found wins). */
  annotations: z.array(z.string()).min(1),
  /** Namespaces the cluster and its add-ons own; not checked. */
  ignoreNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'operations.runbooks',
    title: 'Workloads link to a runbook',
    category: 'operations',
    checklist: ['operations.runbooks'],
    severity: { test: 'info', prod: 'low' },
    why: "Whoever is paged at 3 a.m. needs the workload's common operations and troubleshooting steps one click away.",
    verified:
      'Each workload (Deployment, StatefulSet, DaemonSet, CronJob, Job) carries a runbook annotation (slipway.io/runbook, on the object or its pod template), a URL or a path into the set `slipway runbook` generates; a warning when missing.',
    fix: 'Add the annotation slipway.io/runbook: <url> (apps: `runbook:` in slipway.config.yaml); `slipway runbook --env <env> --out runbooks/<env>` writes a page per workload (apps/<namespace>-<name>.md) to point it at.',
    equivalents: {},
    params,
    defaults: () => ({
      annotations: ['slipway.io/runbook', 'a8r.io/runbook', 'runbook.url'],
      ignoreNamespaces: [...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'] },
  },
  check(inv, p) {
    const workloads = inv.workloads();
    const out: RuleResult[] = [];
    const missing = `no runbook annotation (${p.annotations[0]})`;
    // One pass, one result per checked workload: an indexed loop, since it runs before the JIT optimises it.
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      if (w.kind === 'Pod' || p.ignoreNamespaces.includes(w.namespace)) continue;
      const found = annotationOf(w, p.annotations);
      out.push(
        found
          ? workloadResult('pass', w, `runbook: ${found.value}`, ['metadata', 'annotations', found.key])
          : workloadResult('warn', w, missing, ['metadata']),
      );
    }
    if (out.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
    return out;
  },
});

import { z } from 'zod';
import { annotationOf, PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Annotations that link a workload to its runbook (first found wins). */
  annotations: z.array(z.string()).min(1),
  /** Namespaces the cluster and its add-ons own; not checked. */
  ignoreNamespaces: z.array(z.string()),
  /** Status of a missing runbook on a workload Slipway generated or the user opted in. */
  missingStatus: z.enum(['warn', 'fail']),
  /** Status of a missing runbook on any other workload (a failure there is turned into this, with the reason). */
  thirdParty: thirdPartyStatus,
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
      'Each workload (Deployment, StatefulSet, DaemonSet, CronJob, Job) carries a runbook annotation (slipway.io/runbook, on the object or its pod template), a URL or a path into the set `slipway runbook` generates; a warning when missing (missingStatus). The annotation is a convention of Slipway: on workloads it did not generate (no app.kubernetes.io/managed-by: slipway) and the user did not opt in (slipway.io/conventions: enforce on the object or its namespace), a missing runbook is at most thirdParty (a warning), with that reason.',
    fix: 'Add the annotation slipway.io/runbook: <url> (apps: `runbook:` in slipway.config.yaml); `slipway runbook --env <env> --out runbooks/<env>` writes a page per workload (apps/<namespace>-<name>.md) to point it at.',
    equivalents: {},
    params,
    defaults: () => ({
      annotations: ['slipway.io/runbook', 'a8r.io/runbook', 'runbook.url'],
      ignoreNamespaces: [...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES],
      missingStatus: 'warn' as const,
      thirdParty: 'warn' as const,
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
      if (found) {
        out.push(workloadResult('pass', w, `runbook: ${found.value}`, ['metadata', 'annotations', found.key]));
        continue;
      }
      const v = conventionVerdict(ownership(inv, w.resource, w), p.missingStatus, missing, p.thirdParty);
      out.push(workloadResult(v.status, w, v.message, ['metadata']));
    }
    if (out.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
    return out;
  },
});

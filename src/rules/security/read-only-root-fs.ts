import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { containerContext } from '../support/security-context.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  ignoreNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'security.read-only-root-fs',
    title: 'Containers have a read-only root filesystem',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'info', prod: 'low' },
    why: 'A writable root filesystem lets an attacker drop tools and change binaries inside the container.',
    verified: 'Every container sets securityContext.readOnlyRootFilesystem: true (a warning when missing).',
    fix: 'Set readOnlyRootFilesystem: true and mount an emptyDir where the app writes (/tmp, caches).',
    equivalents: {
      polaris: ['notReadOnlyRootFilesystem'],
      kubeLinter: ['no-read-only-root-fs'],
      kubescape: ['C-0017'],
      checkov: ['CKV_K8S_22'],
    },
    params,
    defaults: () => ({ ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check(inv, p) {
    const workloads = inv.workloads().filter((w) => !p.ignoreNamespaces.includes(w.namespace));
    if (workloads.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
    const out: RuleResult[] = [];
    for (const w of workloads) {
      for (const c of containersOf(w, { init: true })) {
        const name = c.container.name;
        out.push(
          containerContext(c).readOnlyRootFilesystem === true
            ? workloadResult(
                'pass',
                w,
                `container ${name} has a read-only root filesystem`,
                [...c.path, 'securityContext'],
                name,
              )
            : workloadResult('warn', w, `container ${name} can write to its root filesystem`, c.path, name),
        );
      }
    }
    return out;
  },
});

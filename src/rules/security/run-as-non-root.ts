import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { effective } from '../support/security-context.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Namespaces whose system pods legitimately run as root. */
  ignoreNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'security.run-as-non-root',
    title: 'Containers run as a non-root user',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A process running as root inside a container is one kernel or runtime bug away from root on the node.',
    verified:
      'Every container sets runAsNonRoot: true or a non-zero runAsUser, itself or through the pod securityContext (a warning when missing).',
    fix: "Set securityContext.runAsNonRoot: true and runAsUser to the image's unprivileged user (the app generators do).",
    equivalents: {
      polaris: ['runAsRootAllowed'],
      kubeLinter: ['run-as-non-root'],
      kubescape: ['C-0013'],
      checkov: ['CKV_K8S_23'],
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
        const nonRoot = effective(w, c, 'runAsNonRoot');
        const user = effective(w, c, 'runAsUser');
        const ok = (nonRoot === true && user !== 0) || (typeof user === 'number' && user > 0);
        const name = c.container.name;
        out.push(
          ok
            ? workloadResult(
                'pass',
                w,
                `container ${name} runs as a non-root user`,
                [...c.path, 'securityContext'],
                name,
              )
            : workloadResult(
                'warn',
                w,
                `container ${name} may run as root: neither runAsNonRoot nor a non-zero runAsUser is set`,
                c.path,
                name,
              ),
        );
      }
    }
    return out;
  },
});

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
    id: 'security.no-privilege-escalation',
    title: 'Containers are not privileged and cannot escalate privileges',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A privileged container is root on the node; allowPrivilegeEscalation lets setuid binaries gain more rights than the process started with.',
    verified:
      'No container sets privileged: true (fail); every container sets allowPrivilegeEscalation: false (a warning when missing).',
    fix: 'Remove privileged: true, set allowPrivilegeEscalation: false and drop all capabilities (capabilities.drop: [ALL]).',
    equivalents: {
      polaris: ['privilegeEscalationAllowed', 'privileged'],
      kubeLinter: ['privilege-escalation-container', 'privileged-container'],
      kubescape: ['C-0016', 'C-0057'],
      checkov: ['CKV_K8S_20', 'CKV_K8S_16'],
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
        const ctx = containerContext(c);
        const name = c.container.name;
        const path = [...c.path, 'securityContext'];
        if (ctx.privileged === true) {
          out.push(workloadResult('fail', w, `container ${name} is privileged`, [...path, 'privileged'], name));
        } else if (ctx.allowPrivilegeEscalation !== false) {
          out.push(
            workloadResult('warn', w, `container ${name} does not set allowPrivilegeEscalation: false`, c.path, name),
          );
        } else {
          out.push(workloadResult('pass', w, `container ${name} cannot escalate privileges`, path, name));
        }
      }
    }
    return out;
  },
});

import { z } from 'zod';
import { checkContainers, securityContextPath, securitySetting } from '../support/container-checks.js';
import { containerContext } from '../support/security-context.js';
import { defineRule } from '../types.js';

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
      polaris: ['privilegeEscalationAllowed', 'runAsPrivileged'],
      kubeLinter: ['privilege-escalation-container', 'privileged-container'],
      kubescape: ['C-0016', 'C-0057'],
      checkov: ['CKV_K8S_20', 'CKV_K8S_16'],
    },
    params,
    defaults: () => ({ ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkContainers(inv, p, (_w, c) => {
      const ctx = containerContext(c);
      if (ctx.privileged === true) {
        const path = securityContextPath(c).concat('privileged');
        return { status: 'fail', message: `container ${c.container.name} is privileged`, path };
      }
      return securitySetting(
        c,
        ctx.allowPrivilegeEscalation === false,
        'cannot escalate privileges',
        'does not set allowPrivilegeEscalation: false',
      );
    }),
});

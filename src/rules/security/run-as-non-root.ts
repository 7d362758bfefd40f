import { z } from 'zod';
import { checkContainers, securitySetting } from '../support/container-checks.js';
import { effective } from '../support/security-context.js';
import { defineRule } from '../types.js';

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
  check: (inv, p) =>
    checkContainers(inv, p, (w, c) => {
      const nonRoot = effective(w, c, 'runAsNonRoot');
      const user = effective(w, c, 'runAsUser');
      const ok = (nonRoot === true && user !== 0) || (typeof user === 'number' && user > 0);
      return securitySetting(
        c,
        ok,
        'runs as a non-root user',
        'may run as root: neither runAsNonRoot nor a non-zero runAsUser is set',
      );
    }),
});

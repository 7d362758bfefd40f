import { z } from 'zod';
import { checkContainers, securitySetting } from '../support/container-checks.js';
import { containerContext } from '../support/security-context.js';
import { defineRule } from '../types.js';

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
  check: (inv, p) =>
    checkContainers(inv, p, (_w, c) =>
      securitySetting(
        c,
        containerContext(c).readOnlyRootFilesystem === true,
        'has a read-only root filesystem',
        'can write to its root filesystem',
      ),
    ),
});

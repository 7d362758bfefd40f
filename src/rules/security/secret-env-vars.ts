import { z } from 'zod';
import { type ContainerVerdict, checkContainers } from '../support/container-checks.js';
import { envFromOf, envOf } from '../support/secrets.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Status for a Secret read through env vars: fail (production) or warn. */
  status: z.enum(['fail', 'warn']),
});

export default defineRule({
  meta: {
    id: 'security.secret-env-vars',
    title: 'Secrets are mounted as files, not read into env vars',
    category: 'security',
    checklist: ['security.secrets-manager'],
    pitfall: 3,
    severity: { test: 'low', prod: 'medium' },
    why: 'Environment variables show up in `kubectl describe pod`, crash dumps and child processes, and get logged by accident; a file from a Secret volume does not.',
    verified:
      'No container reads a Secret through env[].valueFrom.secretKeyRef or envFrom[].secretRef (production: fail; test: warning).',
    fix: 'Mount the Secret as a volume (read-only) and read the value from the file; the app generators do this for `secrets:`.',
    equivalents: { checkov: ['CKV_K8S_35'] },
    params,
    defaults: (env): z.infer<typeof params> => ({ status: env.preset === 'prod' ? 'fail' : 'warn' }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkContainers(inv, {}, (_w, c) => {
      const found: ContainerVerdict[] = [];
      envOf(c.container).forEach((e, i) => {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) {
          found.push({
            status: p.status,
            message: `env ${e.name} reads Secret ${ref.name ?? '?'}`,
            path: [...c.path, 'env', i],
          });
        }
      });
      envFromOf(c.container).forEach((e, i) => {
        if (e.secretRef) {
          const message = `envFrom loads Secret ${e.secretRef.name ?? '?'}`;
          found.push({ status: p.status, message, path: [...c.path, 'envFrom', i] });
        }
      });
      if (found.length > 0) return found;
      return {
        status: 'pass',
        message: `container ${c.container.name} reads no Secret through env vars`,
        path: c.path,
      };
    }),
});

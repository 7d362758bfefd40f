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
    equivalents: { kubeLinter: ['read-secret-from-env-var'], checkov: ['CKV_K8S_35'] },
    params,
    defaults: (env): z.infer<typeof params> => ({ status: env.preset === 'prod' ? 'fail' : 'warn' }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkContainers(inv, {}, (_w, c) => {
      // Indexed loops, and the list only once something is found: this runs for every container.
      let found: ContainerVerdict[] | undefined;
      const env = envOf(c.container);
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) {
          if (!found) found = [];
          found.push({
            status: p.status,
            message: `env ${e.name} reads Secret ${ref.name ?? '?'}`,
            path: [...c.path, 'env', i],
          });
        }
      }
      const envFrom = envFromOf(c.container);
      for (let i = 0; i < envFrom.length; i++) {
        const ref = envFrom[i].secretRef;
        if (ref) {
          const message = `envFrom loads Secret ${ref.name ?? '?'}`;
          if (!found) found = [];
          found.push({ status: p.status, message, path: [...c.path, 'envFrom', i] });
        }
      }
      if (found) return found;
      return {
        status: 'pass',
        message: `container ${c.container.name} reads no Secret through env vars`,
        path: c.path,
      };
    }),
});

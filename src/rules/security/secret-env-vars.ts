import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { workloadResult } from '../support/results.js';
import { envFromOf, envOf } from '../support/secrets.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

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
  check(inv, p) {
    const workloads = inv.workloads();
    if (workloads.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
    const out: RuleResult[] = [];
    for (const w of workloads) {
      for (const c of containersOf(w, { init: true })) {
        const found: { text: string; path: (string | number)[] }[] = [];
        envOf(c.container).forEach((e, i) => {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) found.push({ text: `env ${e.name} reads Secret ${ref.name ?? '?'}`, path: [...c.path, 'env', i] });
        });
        envFromOf(c.container).forEach((e, i) => {
          if (e.secretRef) {
            found.push({ text: `envFrom loads Secret ${e.secretRef.name ?? '?'}`, path: [...c.path, 'envFrom', i] });
          }
        });
        const name = c.container.name;
        if (found.length === 0) {
          out.push(workloadResult('pass', w, `container ${name} reads no Secret through env vars`, c.path, name));
        } else {
          for (const f of found) out.push(workloadResult(p.status, w, f.text, f.path, name));
        }
      }
    }
    return out;
  },
});

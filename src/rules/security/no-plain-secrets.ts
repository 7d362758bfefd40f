import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, listText, workloadResult } from '../support/results.js';
import { envOf, looksLikeSecret, secretValues } from '../support/secrets.js';
import { containersOf } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Secret types Kubernetes or tools create themselves; never reported. */
  ignoreSecretTypes: z.array(z.string()),
  /** Owner kinds that deliver Secrets from a secret store (their Secrets are fine). */
  deliveredBy: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'security.no-plain-secrets',
    title: 'No secret values in ConfigMaps, env literals or committed Secret manifests',
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'high', prod: 'critical' },
    why: 'A password in a ConfigMap, an env literal or a Secret manifest in git is readable by anyone with the repository or `get` on the object, is never rotated and leaves no audit trail; Secrets Manager keeps it central and audited.',
    verified:
      'No container env var with a secret-like name (password, token, secret, api key, private key, credentials, DSN) has a literal value, no ConfigMap key with such a name holds a value, no value anywhere looks like an AWS access key id, and (static sources) no Secret manifest carries data unless an ExternalSecret owns it.',
    fix: 'Store the value in Secrets Manager under the environment path (EKS/<env>/…), deliver it with an ExternalSecret (apps: `secrets:` in slipway.config.yaml) and mount the resulting Secret as a volume.',
    equivalents: { kubeLinter: ['env-var-secret'], kubescape: ['C-0012'] },
    params,
    defaults: () => ({
      ignoreSecretTypes: [
        'kubernetes.io/service-account-token',
        'kubernetes.io/dockerconfigjson',
        'kubernetes.io/dockercfg',
        'helm.sh/release.v1',
        'bootstrap.kubernetes.io/token',
      ],
      deliveredBy: ['ExternalSecret', 'PushSecret', 'SealedSecret'],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ConfigMap', 'Secret'] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    for (const w of inv.workloads()) {
      let bad = false;
      for (const c of containersOf(w, { init: true })) {
        envOf(c.container).forEach((e, i) => {
          if (looksLikeSecret(e.name, e.value)) {
            bad = true;
            out.push(
              workloadResult(
                'fail',
                w,
                `env ${e.name} holds a literal secret value`,
                [...c.path, 'env', i, 'value'],
                c.container.name,
              ),
            );
          }
        });
      }
      if (!bad) out.push(workloadResult('pass', w, 'no secret-like env var has a literal value'));
    }
    for (const cm of inv.kube('ConfigMap')) {
      const data = (cm.object.data ?? {}) as Record<string, unknown>;
      const keys = Object.entries(data)
        .filter(([k, v]) => looksLikeSecret(k, v))
        .map(([k]) => k);
      out.push(
        keys.length > 0
          ? kubeResult('fail', cm, `holds secret-like values in ${listText(keys)}`, ['data', keys[0]])
          : kubeResult('pass', cm, 'no secret-like values'),
      );
    }
    if (inv.coverage.mode === 'static') {
      for (const s of inv.kube('Secret')) {
        const type = (s.object.type as string | undefined) ?? 'Opaque';
        if (p.ignoreSecretTypes.includes(type)) continue;
        const owners = s.object.metadata.ownerReferences ?? [];
        if (owners.some((o) => p.deliveredBy.includes(o.kind))) continue;
        const values = secretValues(s.object);
        if (values.length === 0) continue;
        out.push(
          kubeResult(
            'fail',
            s,
            `a Secret manifest carries ${values.length} value(s) in plain files; deliver it from Secrets Manager with an ExternalSecret`,
            [values[0][2]],
          ),
        );
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'workloads or ConfigMaps');
  },
});

import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { conventionVerdict, ownership, thirdPartyStatus } from '../support/ours.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Secrets Manager name prefix of this environment (secretsPath, such as EKS/prod). */
  secretsPath: z.string().min(1),
  /** Status of a key outside the path on an ExternalSecret Slipway did not generate and the user did not opt in. */
  thirdParty: thirdPartyStatus,
});

interface ExternalSecretSpec {
  data?: { remoteRef?: { key?: string } }[];
  dataFrom?: { extract?: { key?: string }; find?: { path?: string; name?: { regexp?: string } } }[];
}

/** The secret name of a remote key, which may be an ARN. */
function secretName(key: string): string {
  const i = key.indexOf(':secret:');
  return i >= 0 ? key.slice(i + ':secret:'.length) : key;
}

export default defineRule({
  meta: {
    id: 'security.external-secrets-path',
    title: "ExternalSecrets read only the environment's Secrets Manager path",
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Each environment reads its own path (EKS/test/*, EKS/prod/*); a test workload reading production secrets breaks the separation the IAM policy is meant to give.',
    verified:
      'Every remoteRef.key, dataFrom extract key and find path of every ExternalSecret lies under the environment path (secretsPath/…). The path is a convention of Slipway: it fails on ExternalSecrets Slipway generated (app.kubernetes.io/managed-by: slipway) or the user opted in (slipway.io/conventions: enforce on the object or its namespace), and is a warning, with that reason, on any other (thirdParty).',
    fix: 'Point the ExternalSecret at <secretsPath>/<app>/<name> (apps: `secrets:` in slipway.config.yaml builds these names).',
    equivalents: {},
    params,
    defaults: (env) => ({ secretsPath: env.secretsPath, thirdParty: 'warn' as const }),
    needs: { kube: ['ExternalSecret'] },
  },
  check(inv, p) {
    const list = inv.kube('ExternalSecret');
    if (list.length === 0) return nothingToCheck(inv, ['ExternalSecret'], 'ExternalSecrets');
    const prefix = `${p.secretsPath}/`;
    const out: RuleResult[] = [];
    for (const es of list) {
      const spec = (es.object.spec ?? {}) as ExternalSecretSpec;
      const keys: { key: string; path: (string | number)[] }[] = [];
      (spec.data ?? []).forEach((d, i) => {
        if (d.remoteRef?.key) keys.push({ key: d.remoteRef.key, path: ['spec', 'data', i, 'remoteRef', 'key'] });
      });
      (spec.dataFrom ?? []).forEach((d, i) => {
        if (d.extract?.key) keys.push({ key: d.extract.key, path: ['spec', 'dataFrom', i, 'extract', 'key'] });
        if (d.find?.path) keys.push({ key: d.find.path, path: ['spec', 'dataFrom', i, 'find', 'path'] });
      });
      const outside = keys.filter((k) => !secretName(k.key).startsWith(prefix));
      if (outside.length === 0) {
        out.push(kubeResult('pass', es, `reads only under ${prefix}*`));
        continue;
      }
      const seen = `reads ${secretName(outside[0].key)}, outside ${prefix}*`;
      const v = conventionVerdict(ownership(inv, es), 'fail', seen, p.thirdParty);
      out.push(kubeResult(v.status, es, v.message, outside[0].path));
    }
    return out;
  },
});

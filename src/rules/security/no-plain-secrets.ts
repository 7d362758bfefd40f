import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, listText, workloadResult } from '../support/results.js';
import { type EnvVar, isSecretName, looksLikeSecret, pushEnvFailures, secretValues } from '../support/secrets.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Secret types Kubernetes or tools create themselves; never reported. */
  ignoreSecretTypes: z.array(z.string()),
  /** Owner kinds that deliver Secrets from a secret store (their Secrets are fine). */
  deliveredBy: z.array(z.string()),
});

const VALUE = ['value'];
const holdsSecret = (e: EnvVar) => looksLikeSecret(e.name, e.value);
const literalSecretMessage = (e: EnvVar) => `env ${e.name} holds a literal secret value`;

/** Whether an owner reference names a kind that delivers Secrets from a secret store. */
function deliveredBySecretStore(
  owners: readonly { kind: string }[] | undefined,
  deliveredBy: readonly string[],
): boolean {
  if (!owners) return false;
  for (let i = 0; i < owners.length; i++) if (deliveredBy.includes(owners[i].kind)) return true;
  return false;
}

/** What a committed Secret holds, by key name: keys that look sensitive, and keys that look like config data. */
function secretManifestMessage(keys: readonly string[]): string {
  const sensitive = keys.filter(isSecretName);
  const config = keys.filter((k) => !isSecretName(k));
  const parts: string[] = [];
  if (sensitive.length > 0) parts.push(`${listText(sensitive)} ${sensitive.length === 1 ? 'looks' : 'look'} sensitive`);
  if (config.length > 0) {
    parts.push(`${listText(config)} ${config.length === 1 ? 'looks' : 'look'} like config data (a ConfigMap would do)`);
  }
  return `a Secret manifest carries ${keys.length} value(s) in plain files: ${parts.join('; ')}; deliver the sensitive ones from Secrets Manager with an ExternalSecret`;
}

export default defineRule({
  meta: {
    id: 'security.no-plain-secrets',
    title: 'No secret values in ConfigMaps, env literals or committed Secret manifests',
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'high', prod: 'critical' },
    why: 'A password in a ConfigMap, an env literal or a Secret manifest in git is readable by anyone with the repository or `get` on the object, is never rotated and leaves no audit trail; Secrets Manager keeps it central and audited.',
    verified:
      'No container env var with a secret-like name (password, token, secret, api key, private key, credentials, DSN, a cloud account, storage, master, shared or subscription key, an AZURE_…_KEY variable, the content of a key file) has a literal value, no ConfigMap key with such a name holds a value, no value anywhere looks like an AWS access key id, and (static sources) no Secret manifest carries data unless an ExternalSecret owns it.',
    fix: 'Store the value in Secrets Manager under the environment path (EKS/<env>/…), deliver it with an ExternalSecret (apps: `secrets:` in slipway.config.yaml) and mount the resulting Secret as a volume.',
    equivalents: {
      polaris: ['sensitiveContainerEnvVar', 'sensitiveConfigmapContent'],
      kubeLinter: ['env-var-secret'],
      kubescape: ['C-0012'],
    },
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
    const workloads = inv.workloads();
    // Indexed loops: they run per workload, container and env var, mostly before the JIT optimises them.
    for (let wi = 0; wi < workloads.length; wi++) {
      const w = workloads[wi];
      const before = out.length;
      const containers = containersOf(w, WITH_INIT);
      for (let ci = 0; ci < containers.length; ci++) {
        pushEnvFailures(out, w, containers[ci], holdsSecret, literalSecretMessage, VALUE);
      }
      if (out.length === before) out.push(workloadResult('pass', w, 'no secret-like env var has a literal value'));
    }
    const configMaps = inv.kube('ConfigMap');
    for (let i = 0; i < configMaps.length; i++) {
      const cm = configMaps[i];
      const data = (cm.object.data ?? {}) as Record<string, unknown>;
      // for…in with an own-key check: Object.entries' keys and order, without a pair array per key.
      let keys: string[] | undefined;
      for (const k in data) {
        if (!Object.hasOwn(data, k) || !looksLikeSecret(k, data[k])) continue;
        if (!keys) keys = [];
        keys.push(k);
      }
      out.push(
        keys
          ? kubeResult('fail', cm, `holds secret-like values in ${listText(keys)}`, ['data', keys[0]])
          : kubeResult('pass', cm, 'no secret-like values'),
      );
    }
    if (inv.coverage.mode === 'static') {
      const secrets = inv.kube('Secret');
      for (let i = 0; i < secrets.length; i++) {
        const s = secrets[i];
        const type = (s.object.type as string | undefined) ?? 'Opaque';
        if (p.ignoreSecretTypes.includes(type)) continue;
        if (deliveredBySecretStore(s.object.metadata.ownerReferences, p.deliveredBy)) continue;
        const values = secretValues(s.object);
        if (values.length === 0) continue;
        out.push(kubeResult('fail', s, secretManifestMessage(values.map((v) => v[0])), [values[0][2]]));
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'workloads or ConfigMaps');
  },
});

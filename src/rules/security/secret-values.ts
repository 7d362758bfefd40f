import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import type { Workload } from '../../inventory/workloads.js';
import { formatPath, type ValuePath } from '../../util/paths.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, kubeSubject, result, workloadResult } from '../support/results.js';
import { annotationName, findSecret, hasAwsKeyId, mayHoldSecret } from '../support/secret-shapes.js';
import { envOf, secretValues } from '../support/secrets.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule, type KubeSubject, type RuleResult } from '../types.js';

const params = z.object({
  /** Status of a credential found in a manifest: fail (production) or warn. */
  status: z.enum(['fail', 'warn']),
  /** Shannon entropy (bits per character) from which a value under a secret-like name counts as a secret. */
  minEntropy: z.number().positive(),
  /** Shortest value the entropy test applies to. */
  minEntropyLength: z.number().int().min(1),
  /** Secret types Kubernetes or tools create themselves; never read. */
  ignoreSecretTypes: z.array(z.string()),
  /** Owner kinds that deliver Secrets from a secret store (their values are fetched, not committed). */
  deliveredBy: z.array(z.string()),
});

type Params = z.infer<typeof params>;

/** One place a value is stored: the name it is stored under and its path in the object. */
interface Site {
  readonly name: string;
  readonly value: string;
  readonly path: ValuePath;
  readonly subject: KubeSubject;
}

const ANNOTATIONS: ValuePath = ['metadata', 'annotations'];
const DATA: ValuePath = ['data'];
const NO_PATH: ValuePath = [];

/** Flag-style arguments: --name=value. */
const FLAG = /^-{1,2}([A-Za-z0-9][\w.-]*)=(.*)$/s;

/**
 * Adds a value that may hold a credential, at `[...base, a, b, c]` (the
 * segments given); the path is built only for such values, which are few.
 */
function pushText(
  out: Site[],
  p: Params,
  name: string,
  value: unknown,
  subject: KubeSubject,
  base: ValuePath,
  a: string | number,
  b?: string | number,
  c?: string | number,
): void {
  if (typeof value !== 'string' || !mayHoldSecret(name, value, p)) return;
  const path =
    c !== undefined ? base.concat(a, b as string | number, c) : b !== undefined ? base.concat(a, b) : base.concat(a);
  out.push({ name, value, path, subject });
}

/** The values of a map; with `unprefixed` (annotations), each judged under its annotationName. */
function pushMap(
  out: Site[],
  p: Params,
  map: unknown,
  base: ValuePath,
  subject: KubeSubject,
  unprefixed = false,
): void {
  if (!map || typeof map !== 'object') return;
  const values = map as Record<string, unknown>;
  for (const k in values) {
    if (!Object.hasOwn(values, k)) continue;
    pushText(out, p, unprefixed ? annotationName(k) : k, values[k], subject, base, k);
  }
}

/** The container's env literals, args and command: one collection per container. */
function containerSites(w: Workload, p: Params): Site[][] {
  const out: Site[][] = [];
  for (const c of containersOf(w, WITH_INIT)) {
    const sites: Site[] = [];
    const env = envOf(c.container);
    for (let i = 0; i < env.length; i++)
      pushText(sites, p, env[i].name, env[i].value, c.subject, c.path, 'env', i, 'value');
    for (const field of ['command', 'args'] as const) {
      const list = c.container[field];
      if (!Array.isArray(list)) continue;
      list.forEach((arg, i) => {
        if (typeof arg !== 'string') return;
        const flag = FLAG.exec(arg);
        pushText(sites, p, flag ? flag[1] : field, flag ? flag[2] : arg, c.subject, c.path, field, i);
      });
    }
    if (sites.length > 0) out.push(sites);
  }
  return out;
}

/** Results for the credentials in one collection of values (an AWS key id makes its neighbours suspect). */
function judge(out: RuleResult[], r: KubeResource, sites: readonly Site[], p: Params): void {
  let beside = false;
  for (let i = 0; i < sites.length && !beside; i++) beside = hasAwsKeyId(sites[i].value);
  for (const site of sites) {
    const found = findSecret(site.name, site.value, p, beside);
    if (!found) continue;
    const message = `${formatPath(site.path)} holds ${found.kind} (${found.masked}); expected no credential in the manifest`;
    out.push(result(p.status, site.subject, message, r, site.path));
  }
}

function deliveredBySecretStore(r: KubeResource, deliveredBy: readonly string[]): boolean {
  return (r.object.metadata.ownerReferences ?? []).some((o) => deliveredBy.includes(o.kind));
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

export default defineRule({
  meta: {
    id: 'security.secret-values',
    title: 'No credential values in manifests',
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'high', prod: 'critical' },
    why: 'A private key or an API token in a manifest is readable by everyone with the repository or `get` on the object, and it stays in Git history after it is deleted: it has to be rotated. Token formats are recognisable by shape whatever they are called, and a random-looking value under a password or token name is almost always the real thing.',
    verified:
      "Container env literals, args and command, ConfigMap data, the annotations of every object (and of pod templates) and, in manifests (static sources), the stringData and decoded data of Secrets that no ExternalSecret delivers hold no PEM private key (a header with fewer dashes included), GitHub token (ghp_, gho_, ghs_, ghu_, ghr_, github_pat_), GitLab token (glpat-), Slack token (xoxa-, xoxb-, xoxp-, xoxr-, xoxs-) or webhook URL, Stripe live key (sk_live_, rk_live_), AWS access key id (AKIA/ASIA and 16 characters; AWS's documented EXAMPLE keys excepted) or secret access key (named so, or stored beside an access key id), password inside a URL, and no value under a secret-like name (password, token, secret, api_key, …) of at least minEntropyLength characters that looks random (two of lower case, upper case and digits, no spaces) and whose Shannon entropy reaches minEntropy; annotations are judged by their name after the prefix, and checksums and hashes (Helm's checksum/secret) are not secrets. Findings name the field and the kind of credential and show at most a short prefix of it; production fails, test warns.",
    fix: 'Rotate the credential first (it is exposed), then store it in Secrets Manager under the environment path (EKS/<env>/…), deliver it with an ExternalSecret (apps: `secrets:` in slipway.config.yaml) and mount the resulting Secret as a volume.',
    // Polaris' sensitive* checks judge names and private keys: this rule answers the keys, no-plain-secrets the names.
    // kube-linter's env-var-secret judges names alone: security.no-plain-secrets is its equivalent.
    equivalents: { polaris: ['sensitiveContainerEnvVar', 'sensitiveConfigmapContent'], kubescape: ['C-0012'] },
    params,
    defaults: (env): Params => ({
      status: env.preset === 'prod' ? 'fail' : 'warn',
      minEntropy: 3.5,
      minEntropyLength: 16,
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
    for (const w of workloads) {
      const before = out.length;
      for (const sites of containerSites(w, p)) judge(out, w.resource, sites, p);
      const annotations: Site[] = [];
      const podAnnotations = w.template.metadata?.annotations;
      if (podAnnotations) {
        const at = w.templatePath.concat('metadata', 'annotations');
        pushMap(annotations, p, podAnnotations, at, w.identity, true);
      }
      pushMap(annotations, p, w.resource.object.metadata.annotations, ANNOTATIONS, w.identity, true);
      judge(out, w.resource, annotations, p);
      if (out.length === before)
        out.push(workloadResult('pass', w, 'no env literal, argument or annotation holds a credential'));
    }
    const staticSources = inv.coverage.mode === 'static';
    const all = inv.kube();
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      const kind = r.object.kind;
      if (WORKLOAD_KINDS.has(kind)) continue;
      const isConfigMap = kind === 'ConfigMap';
      const isSecret = kind === 'Secret';
      const annotations = r.object.metadata.annotations;
      // Most objects have neither data nor annotations: nothing is built for them.
      if (!isConfigMap && !isSecret && !annotations) continue;
      if (isSecret) {
        // Live Secrets are where credentials belong; only committed manifests are judged.
        if (!staticSources) continue;
        const type = (r.object.type as string | undefined) ?? 'Opaque';
        if (p.ignoreSecretTypes.includes(type) || deliveredBySecretStore(r, p.deliveredBy)) continue;
      }
      const subject = kubeSubject(r);
      const before = out.length;
      const sites: Site[] = [];
      pushMap(sites, p, annotations, ANNOTATIONS, subject, true);
      judge(out, r, sites, p);
      if (isConfigMap) {
        const data: Site[] = [];
        pushMap(data, p, r.object.data, DATA, subject);
        judge(out, r, data, p);
      } else if (isSecret) {
        const data: Site[] = [];
        for (const [key, value, field] of secretValues(r.object))
          pushText(data, p, key, value, subject, NO_PATH, field, key);
        judge(out, r, data, p);
      }
      if (out.length === before && (isConfigMap || isSecret)) {
        out.push(
          kubeResult('pass', r, isSecret ? 'no value has the shape of a credential' : 'no value holds a credential'),
        );
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'workloads, ConfigMaps or Secrets');
  },
});

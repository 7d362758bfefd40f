import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import { knowsAwsType, nothingToCheck } from '../support/coverage.js';
import { containerResult, kubeResult, listText, workloadResult } from '../support/results.js';
import {
  AWS_CREDENTIAL_NAMES,
  AWS_KEY_ID,
  type EnvVar,
  envOf,
  pushEnvFailures,
  secretValues,
} from '../support/secrets.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Mount paths (substrings) that hold AWS credential files. */
  credentialPaths: z.array(z.string()).min(1),
  /** Report ServiceAccounts annotated for IRSA (eks.amazonaws.com/role-arn) as a warning. */
  warnIrsa: z.boolean(),
  /** Env values (regular expression) that show a container calls AWS: ARNs, AWS endpoints, S3 URLs. */
  awsUsage: z.string().min(1),
});

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** A credentials file's secret key line inside a ConfigMap or Secret value. */
const SECRET_KEY_TEXT = /aws_secret_access_key/;

interface VolumeMount {
  mountPath?: string;
}

const PIA_TYPE = 'AWS::EKS::PodIdentityAssociation';

/** The first env var of the workload's containers (in order) with a value that matches. */
function firstEnvValue(w: Workload, pattern: RegExp): EnvVar | undefined {
  const containers = containersOf(w);
  for (let i = 0; i < containers.length; i++) {
    const env = envOf(containers[i].container);
    for (let j = 0; j < env.length; j++) {
      const value = env[j].value;
      if (typeof value === 'string' && pattern.test(value)) return env[j];
    }
  }
  return undefined;
}

/** Whether a mount path contains one of the credential locations. */
function credentialMount(mountPath: string, credentialPaths: readonly string[]): boolean {
  for (let i = 0; i < credentialPaths.length; i++) if (mountPath.includes(credentialPaths[i])) return true;
  return false;
}

/** A ConfigMap or Secret value that holds an AWS access key id or a credentials file. */
function awsCredentialText(value: string): boolean {
  return AWS_KEY_ID.test(value) || SECRET_KEY_TEXT.test(value);
}

const carriesCredential = (e: EnvVar) =>
  AWS_CREDENTIAL_NAMES.test(e.name) || (typeof e.value === 'string' && AWS_KEY_ID.test(e.value));
const credentialMessage = (e: EnvVar) => `env ${e.name} carries an AWS credential`;

export default defineRule({
  meta: {
    id: 'security.pod-identity',
    title: 'AWS access goes through Pod Identity, with no stored AWS keys',
    category: 'security',
    checklist: ['security.pod-identity'],
    pitfall: 5,
    severity: { test: 'high', prod: 'critical' },
    why: 'Access keys in env vars, ConfigMaps, Secrets or mounted files are long-lived, leak through logs and `kubectl describe`, and are never rotated; Pod Identity gives each pod short-lived credentials for its own role.',
    verified:
      'No container sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_SESSION_TOKEN, or an env value that looks like an access key id (AKIA…/ASIA…), and none mounts a path like .aws/credentials; no ConfigMap or Secret holds such keys or values. ServiceAccounts with an IRSA annotation are warnings, and so is a workload whose env names AWS resources (ARNs, SQS/S3/… endpoints) while its ServiceAccount has no Pod Identity association (when associations are in the sources).',
    fix: "Delete the keys (and rotate them: they are exposed), create a Pod Identity association for the workload's ServiceAccount (apps: `aws:` in slipway.config.yaml) and let the AWS SDK pick up the credentials.",
    equivalents: { kubescape: ['C-0012'] },
    params,
    defaults: () => ({
      credentialPaths: ['.aws/credentials', '.aws/config', '/.aws'],
      warnIrsa: true,
      awsUsage: '^arn:aws[a-z-]*:|^https://(sqs|sns|s3|dynamodb|secretsmanager)[.a-z0-9-]*\\.amazonaws\\.com|^s3://',
    }),
    needs: {
      kube: [
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'Job',
        'CronJob',
        'Pod',
        'ConfigMap',
        'Secret',
        'ServiceAccount',
      ],
      aws: ['AWS::EKS::PodIdentityAssociation'],
    },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const usage = new RegExp(p.awsUsage);
    const associationsKnown = knowsAwsType(inv, PIA_TYPE);
    const workloads = inv.workloads();
    // Indexed loops: they run per workload, container and env var, mostly before the JIT optimises them.
    for (let wi = 0; wi < workloads.length; wi++) {
      const w = workloads[wi];
      // Failures are pushed as found; a workload with any gets no other result.
      const before = out.length;
      const containers = containersOf(w, WITH_INIT);
      for (let ci = 0; ci < containers.length; ci++) {
        const c = containers[ci];
        pushEnvFailures(out, w, c, carriesCredential, credentialMessage);
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) continue;
        for (let i = 0; i < mounts.length; i++) {
          const mountPath = (mounts[i] as VolumeMount).mountPath;
          if (mountPath && credentialMount(mountPath, p.credentialPaths)) {
            const path = c.path.concat('volumeMounts', i);
            out.push(containerResult('fail', w, c, `mounts ${mountPath}, an AWS credentials location`, path));
          }
        }
      }
      if (out.length > before) continue;
      const sa = inv.serviceAccountName(w);
      const assocCount = inv.podIdentityAssociations(w.namespace, sa).length;
      const saObject = inv.get('ServiceAccount', w.namespace, sa);
      const irsa = saObject?.object.metadata.annotations?.[IRSA_ANNOTATION];
      if (irsa && p.warnIrsa && assocCount === 0) {
        out.push(
          kubeResult('warn', saObject, `ServiceAccount ${sa} uses IRSA (${irsa}); Pod Identity is the platform's way`, [
            'metadata',
            'annotations',
            IRSA_ANNOTATION,
          ]),
        );
        continue;
      }
      const calls = assocCount === 0 && !irsa && associationsKnown ? firstEnvValue(w, usage) : undefined;
      if (calls) {
        out.push(
          workloadResult(
            'warn',
            w,
            `calls AWS (env ${calls.name}) but ServiceAccount ${sa} has no Pod Identity association: its AWS calls will be denied`,
            podSpecPath(w),
          ),
        );
        continue;
      }
      out.push(
        workloadResult(
          'pass',
          w,
          assocCount > 0
            ? `no stored AWS credentials; ServiceAccount ${sa} has a Pod Identity association`
            : 'no stored AWS credentials',
          podSpecPath(w),
        ),
      );
    }
    const configMaps = inv.kube('ConfigMap');
    for (let i = 0; i < configMaps.length; i++) {
      const cm = configMaps[i];
      const data = (cm.object.data ?? {}) as Record<string, unknown>;
      // for…in with an own-key check: Object.entries' keys and order, without a pair array per key.
      let bad: string[] | undefined;
      for (const k in data) {
        if (!Object.hasOwn(data, k)) continue;
        const v = data[k];
        if (AWS_CREDENTIAL_NAMES.test(k) || (typeof v === 'string' && awsCredentialText(v))) {
          if (!bad) bad = [];
          bad.push(k);
        }
      }
      if (bad) out.push(kubeResult('fail', cm, `holds AWS credentials in ${listText(bad)}`, ['data', bad[0]]));
    }
    const secrets = inv.kube('Secret');
    for (let i = 0; i < secrets.length; i++) {
      const s = secrets[i];
      const values = secretValues(s.object);
      let bad: string[] | undefined;
      let first: (typeof values)[number] | undefined;
      for (let j = 0; j < values.length; j++) {
        const k = values[j][0];
        if (AWS_CREDENTIAL_NAMES.test(k) || awsCredentialText(values[j][1])) {
          if (!bad) {
            bad = [];
            first = values[j];
          }
          bad.push(k);
        }
      }
      if (bad && first) {
        out.push(kubeResult('fail', s, `holds AWS access keys in ${listText(bad)}`, [first[2], first[0]]));
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'workloads, ConfigMaps or Secrets');
  },
});

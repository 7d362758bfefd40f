import { z } from 'zod';
import type { Workload } from '../../inventory/workloads.js';
import { knowsAwsType, nothingToCheck } from '../support/coverage.js';
import { kubeResult, listText, workloadResult } from '../support/results.js';
import { AWS_CREDENTIAL_NAMES, AWS_KEY_ID, type EnvVar, envOf, secretValues } from '../support/secrets.js';
import { containersOf, podSpecPath } from '../support/workloads.js';
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

/** The first env var of the workload's containers (in order) that matches. */
function firstEnv(w: Workload, match: (e: EnvVar) => boolean): EnvVar | undefined {
  for (const c of containersOf(w)) for (const e of envOf(c.container)) if (match(e)) return e;
  return undefined;
}

interface VolumeMount {
  mountPath?: string;
}

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
    const associationsKnown = knowsAwsType(inv, 'AWS::EKS::PodIdentityAssociation');
    for (const w of inv.workloads()) {
      const problems: { text: string; path: (string | number)[]; container: string }[] = [];
      for (const c of containersOf(w, { init: true })) {
        envOf(c.container).forEach((e, i) => {
          const literal = typeof e.value === 'string' && AWS_KEY_ID.test(e.value);
          if (AWS_CREDENTIAL_NAMES.test(e.name) || literal) {
            problems.push({
              text: `env ${e.name} carries an AWS credential`,
              path: [...c.path, 'env', i],
              container: c.container.name,
            });
          }
        });
        const mounts = Array.isArray(c.container.volumeMounts) ? (c.container.volumeMounts as VolumeMount[]) : [];
        mounts.forEach((m, i) => {
          if (m.mountPath && p.credentialPaths.some((cp) => m.mountPath?.includes(cp))) {
            problems.push({
              text: `mounts ${m.mountPath}, an AWS credentials location`,
              path: [...c.path, 'volumeMounts', i],
              container: c.container.name,
            });
          }
        });
      }
      if (problems.length > 0) {
        for (const pr of problems) out.push(workloadResult('fail', w, pr.text, pr.path, pr.container));
        continue;
      }
      const sa = inv.serviceAccountName(w);
      const assoc = inv.podIdentityAssociations(w.namespace, sa);
      const saObject = inv.get('ServiceAccount', w.namespace, sa);
      const irsa = saObject?.object.metadata.annotations?.[IRSA_ANNOTATION];
      if (irsa && p.warnIrsa && assoc.length === 0) {
        out.push(
          kubeResult('warn', saObject, `ServiceAccount ${sa} uses IRSA (${irsa}); Pod Identity is the platform's way`, [
            'metadata',
            'annotations',
            IRSA_ANNOTATION,
          ]),
        );
        continue;
      }
      const calls = firstEnv(w, (e) => typeof e.value === 'string' && usage.test(e.value));
      if (calls && assoc.length === 0 && !irsa && associationsKnown) {
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
          assoc.length > 0
            ? `no stored AWS credentials; ServiceAccount ${sa} has a Pod Identity association`
            : 'no stored AWS credentials',
          podSpecPath(w),
        ),
      );
    }
    for (const cm of inv.kube('ConfigMap')) {
      const data = (cm.object.data ?? {}) as Record<string, unknown>;
      const bad = Object.entries(data).filter(
        ([k, v]) =>
          AWS_CREDENTIAL_NAMES.test(k) || (typeof v === 'string' && (AWS_KEY_ID.test(v) || SECRET_KEY_TEXT.test(v))),
      );
      if (bad.length > 0) {
        out.push(
          kubeResult('fail', cm, `holds AWS credentials in ${listText(bad.map(([k]) => k))}`, ['data', bad[0][0]]),
        );
      }
    }
    for (const s of inv.kube('Secret')) {
      const bad = secretValues(s.object).filter(
        ([k, v]) => AWS_CREDENTIAL_NAMES.test(k) || AWS_KEY_ID.test(v) || SECRET_KEY_TEXT.test(v),
      );
      if (bad.length > 0) {
        out.push(
          kubeResult('fail', s, `holds AWS access keys in ${listText(bad.map(([k]) => k))}`, [bad[0][2], bad[0][0]]),
        );
      }
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['Deployment'], 'workloads, ConfigMaps or Secrets');
  },
});

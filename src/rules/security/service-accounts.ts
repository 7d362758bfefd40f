import { z } from 'zod';
import { isServiceAccountBound } from '../../inventory/bound-accounts.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { KubeResource } from '../../inventory/types.js';
import { podSpecPath } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import { getBeside } from '../support/references.js';
import { workloadResult } from '../support/results.js';
import { checkWorkloads } from '../support/workload-checks.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Status of a workload that runs as its namespace's `default` ServiceAccount with a token mounted. */
  defaultAccount: z.enum(['fail', 'warn']),
  /** Annotations on a ServiceAccount that say its pods call an API with the token (IRSA). */
  tokenAnnotations: z.array(z.string()),
  ignoreNamespaces: z.array(z.string()),
});

/** Whether the sources can show ServiceAccounts (a manifests-only run without any cannot). */
function accountsKnown(inv: Inventory): boolean {
  if (inv.coverage.kubeDenied.has('ServiceAccount')) return false;
  return (
    inv.hasKind('ServiceAccount') || (inv.coverage.mode === 'live' && inv.coverage.kubeKinds.has('ServiceAccount'))
  );
}

/** Why the pod needs its token, if anything in the sources says so. */
function tokenUse(
  inv: Inventory,
  w: Workload,
  sa: string,
  account: KubeResource | undefined,
  p: z.infer<typeof params>,
) {
  if (isServiceAccountBound(inv, w.namespace, sa)) return 'a RoleBinding grants it Kubernetes API access';
  if (inv.podIdentityAssociations(w.namespace, sa).length > 0) return 'it has a Pod Identity association';
  const annotations = account?.object.metadata.annotations ?? {};
  const key = p.tokenAnnotations.find((k) => annotations[k] !== undefined);
  return key ? `it is annotated ${key}` : undefined;
}

export default defineRule({
  meta: {
    id: 'security.service-accounts',
    title: 'Workloads run as their own existing ServiceAccount and mount a token only when they need one',
    category: 'security',
    checklist: ['security.iam-least-privilege', 'operations.access-controls'],
    severity: { test: 'medium', prod: 'high' },
    why: "Pods on the namespace's default ServiceAccount share whatever anyone ever granted it; a ServiceAccount that does not exist keeps the pods from being created; a mounted token that the app never uses is a credential for the Kubernetes API waiting to be stolen.",
    verified:
      'Each workload names a ServiceAccount other than default (running as default with a token mounted is defaultAccount, else a warning); that ServiceAccount exists in the sources (unknown when the sources hold no ServiceAccounts at all); and the token is automounted (by the pod or the ServiceAccount) only when a RoleBinding names the account, it has a Pod Identity association or a token annotation (a warning otherwise).',
    fix: 'Create a ServiceAccount per app (the app generators do), set serviceAccountName, and set automountServiceAccountToken: false on pods that do not call the Kubernetes API.',
    equivalents: {
      polaris: ['automountServiceAccountToken'],
      kubeLinter: ['default-service-account', 'non-existent-service-account'],
      kubescape: ['C-0034', 'C-0189'],
      checkov: ['CKV_K8S_38', 'CKV_K8S_41'],
    },
    params,
    defaults: (env) => ({
      defaultAccount: env.registry.immutableTags ? ('fail' as const) : ('warn' as const),
      tokenAnnotations: ['eks.amazonaws.com/role-arn'],
      ignoreNamespaces: ['kube-system', 'kube-public', 'kube-node-lease', 'amazon-cloudwatch'],
    }),
    needs: {
      kube: [
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'Job',
        'CronJob',
        'Pod',
        'ServiceAccount',
        'RoleBinding',
        'ClusterRoleBinding',
      ],
      aws: ['AWS::EKS::PodIdentityAssociation'],
    },
  },
  check(inv, p) {
    const known = accountsKnown(inv);
    return checkWorkloads(
      inv,
      ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'],
      'workloads',
      (w) => {
        if (p.ignoreNamespaces.includes(w.namespace)) return [];
        const out: RuleResult[] = [];
        const spec = (w.template.spec ?? {}) as { automountServiceAccountToken?: boolean };
        const sa = inv.serviceAccountName(w);
        const account = getBeside(inv, w.resource, 'ServiceAccount', sa);
        const saPath = podSpecPath(w, 'serviceAccountName');
        const automount =
          spec.automountServiceAccountToken ??
          (account?.object.automountServiceAccountToken as boolean | undefined) ??
          true;
        if (sa === 'default') {
          const status = automount ? p.defaultAccount : 'warn';
          const token = automount ? ' with its token mounted' : '';
          out.push(
            workloadResult(
              status,
              w,
              `runs as the namespace's default ServiceAccount${token}; expected its own`,
              saPath,
            ),
          );
        } else if (!known) {
          const message = `ServiceAccount ${sa} cannot be checked: the sources hold no ServiceAccount objects (add them, or verify --live)`;
          out.push(workloadResult('unknown', w, message, saPath));
        } else if (!account) {
          out.push(
            workloadResult('fail', w, `ServiceAccount ${sa} does not exist in namespace ${w.namespace}`, saPath),
          );
        }
        const use = tokenUse(inv, w, sa, account, p);
        if (automount && !use) {
          const message = `mounts the token of ServiceAccount ${sa}, which nothing in the sources uses (no RoleBinding, Pod Identity association or token annotation); expected automountServiceAccountToken: false`;
          out.push(workloadResult('warn', w, message, podSpecPath(w, 'automountServiceAccountToken')));
        }
        if (out.length === 0) {
          const token = automount ? `mounts its token because ${use}` : 'mounts no token';
          out.push(workloadResult('pass', w, `runs as ServiceAccount ${sa}, which exists and ${token}`, saPath));
        }
        return out;
      },
    );
  },
});

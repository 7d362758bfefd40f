import { z } from 'zod';
import { firstOwnKey } from '../../inventory/labels.js';
import type { LabelSelector } from '../../inventory/selectors.js';
import type { KubeResource } from '../../inventory/types.js';
import { isServed, PLATFORM_NAMESPACES, podSpecPath, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { nothingToCheck } from '../support/coverage.js';
import { usesHostNetwork } from '../support/pod-security.js';
import { result, workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Namespaces the cluster and the platform add-ons own; not checked. */
  ignoreNamespaces: z.array(z.string()),
  /** Status of a host-network workload, which no NetworkPolicy can isolate. */
  hostNetwork: z.enum(['fail', 'warn']),
});

interface PolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: unknown[];
  egress?: unknown[];
}

/**
 * Whether a policy restricts the ingress of the pods it selects: Ingress among
 * its policyTypes, or no policyTypes at all (a policy is then always of type
 * Ingress). An Egress-only policy leaves its pods open to every sender.
 */
export function restrictsIngress(policy: KubeResource): boolean {
  const types = ((policy.object.spec ?? {}) as PolicySpec).policyTypes;
  return types === undefined || types === null || types.includes('Ingress');
}

/** Empty podSelector, Ingress among its types and no ingress rule: nothing reaches a pod unless another policy allows it. */
export function isDefaultDeny(policy: KubeResource): boolean {
  const spec = (policy.object.spec ?? {}) as PolicySpec;
  const sel = spec.podSelector ?? {};
  // Asked once per policy and workload: answered without building key lists or arrays.
  const labels = sel.matchLabels;
  if ((labels != null && firstOwnKey(labels) !== undefined) || (sel.matchExpressions ?? []).length !== 0) return false;
  if ((spec.ingress ?? []).length !== 0) return false;
  // Without policyTypes, a policy is always of type Ingress (Egress is added when it has egress rules).
  const types = spec.policyTypes;
  return types === undefined || types === null || types.includes('Ingress');
}

export default defineRule({
  meta: {
    id: 'security.network-policies',
    title: 'Namespaces deny by default and every workload has a network policy',
    category: 'security',
    checklist: ['security.network-policies'],
    severity: { test: 'low', prod: 'high' },
    why: 'Without network policies every pod can reach every other pod: one compromised pod can talk to the database of another tier.',
    verified:
      'Every namespace that runs workloads has a default-deny NetworkPolicy (empty podSelector, Ingress in policyTypes, no ingress rules), and each workload is selected by at least one policy that restricts ingress (Ingress in policyTypes, or no policyTypes: an Egress-only policy leaves its pods open to every sender); a served workload that only the default-deny selects is a warning (nothing is allowed to reach it). A workload with hostNetwork: true fails whatever policies select it: policies do not apply to pods on the host network.',
    fix: 'Add a default-deny policy per namespace and an allow policy per workload naming the pods or namespaces that may reach it (the app generators emit both).',
    equivalents: { kubeScore: ['pod-networkpolicy'], kubeLinter: ['non-isolated-pod'], kubescape: ['C-0260'] },
    params,
    defaults: () => ({
      ignoreNamespaces: [...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES],
      hostNetwork: 'fail' as const,
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'NetworkPolicy', 'Namespace'] },
  },
  check(inv, p) {
    const workloads = inv.workloads().filter((w) => !p.ignoreNamespaces.includes(w.namespace));
    if (workloads.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads outside the system namespaces');
    const unknown = nothingToCheck(inv, ['NetworkPolicy'], '');
    if (unknown[0].status === 'unknown') return unknown;
    const out: RuleResult[] = [];
    const namespaces = [...new Set(workloads.map((w) => w.namespace))].sort();
    for (const ns of namespaces) {
      const nsObject = inv.get('Namespace', undefined, ns);
      const deny = inv.inNamespace('NetworkPolicy', ns).find(isDefaultDeny);
      const subject = { kind: 'Namespace', name: ns };
      out.push(
        deny
          ? result('pass', subject, `NetworkPolicy ${deny.object.metadata.name} denies ingress by default`, deny)
          : result('fail', subject, `namespace ${ns} has no default-deny NetworkPolicy`, nsObject),
      );
    }
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      if (usesHostNetwork(w)) {
        const message =
          'the pods use hostNetwork: NetworkPolicies do not apply to host-network pods, so no policy isolates them';
        out.push(workloadResult(p.hostNetwork, w, message, podSpecPath(w, 'hostNetwork')));
        continue;
      }
      const policies = inv.networkPoliciesFor(w);
      const ingress = policies.filter(restrictsIngress);
      const allowing = ingress.filter((pol) => !isDefaultDeny(pol));
      if (policies.length === 0) {
        out.push(workloadResult('fail', w, 'no NetworkPolicy selects the pods of this workload'));
      } else if (ingress.length === 0) {
        const names = policies.map((x) => x.object.metadata.name).join(', ');
        const message = `only Egress policies select the pods of this workload (${names}): any pod may reach them`;
        out.push(workloadResult('fail', w, message));
      } else if (allowing.length === 0 && isServed(inv, w)) {
        out.push(
          workloadResult('warn', w, 'only the default-deny policy selects this served workload: nothing may reach it'),
        );
      } else {
        const names = (allowing.length > 0 ? allowing : ingress).map((x) => x.object.metadata.name);
        out.push(workloadResult('pass', w, `selected by NetworkPolicy ${names.join(', ')}`));
      }
    }
    return out;
  },
});

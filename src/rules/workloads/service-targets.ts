import { z } from 'zod';
import { podTarget } from '../../inventory/controller-pods.js';
import { serviceSelector } from '../../inventory/object-fields.js';
import { nothingToCheck } from '../support/coverage.js';
import { podTargetResult } from '../support/references.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Service types that route outside the cluster's pods by design; not checked. */
  ignoreTypes: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'workloads.service-targets',
    title: 'Every Service selects pods that exist',
    category: 'workloads',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'A Service whose selector matches no pod has no endpoints: clients and load balancers get connection errors, and nothing in the rollout says so. A typo in one label is enough.',
    verified:
      'Each Service with a selector picks the pods of at least one workload in its namespace (owned ones too), or of a custom resource whose controller is known to run labelled pods (Prometheus, Alertmanager, ThanosRuler, Argo Rollout, KEDA ScaledJob). When only custom resources of other kinds could run them, the verdict is unknown, not a failure. Services without a selector (manual Endpoints) and ExternalName Services are skipped.',
    fix: "Make the Service's selector equal to labels the pod template carries (the workload's selector labels are the safe choice).",
    equivalents: {
      kubeScore: ['service-targets-pod'],
      kubeLinter: ['dangling-service'],
    },
    params,
    defaults: () => ({ ignoreTypes: ['ExternalName'] }),
    needs: { kube: ['Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job'] },
  },
  check(inv, p) {
    const services = inv.kube('Service');
    if (services.length === 0) return nothingToCheck(inv, ['Service'], 'Services');
    const out: RuleResult[] = [];
    for (let i = 0; i < services.length; i++) {
      const s = services[i];
      const type = (s.object.spec as { type?: string } | undefined)?.type ?? 'ClusterIP';
      if (p.ignoreTypes.includes(type)) continue;
      const selector = serviceSelector(s);
      if (!selector || Object.keys(selector).length === 0) {
        out.push(kubeResult('skip', s, 'has no selector: its endpoints are managed by hand'));
        continue;
      }
      const target = podTarget(inv, s.object.metadata.namespace ?? 'default', { matchLabels: selector });
      out.push(podTargetResult(s, target, 'its selector', ['spec', 'selector']));
    }
    return out;
  },
});

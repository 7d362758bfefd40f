import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

/** API versions Kubernetes removed, per kind, with the minor that removed them and the replacement. */
const REMOVED: readonly { apiVersion: string; kinds: readonly string[] | '*'; removedIn: string; use: string }[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    removedIn: '1.16',
    use: 'apps/v1',
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', use: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.16', use: 'Pod Security admission' },
  { apiVersion: 'apps/v1beta1', kinds: '*', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: '*', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', use: 'networking.k8s.io/v1' },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    removedIn: '1.22',
    use: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: '*',
    removedIn: '1.22',
    use: 'rbac.authorization.k8s.io/v1',
  },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', use: 'apiextensions.k8s.io/v1' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: '*',
    removedIn: '1.22',
    use: 'admissionregistration.k8s.io/v1',
  },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', use: 'scheduling.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', use: 'coordination.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', use: 'certificates.k8s.io/v1' },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'],
    removedIn: '1.22',
    use: 'storage.k8s.io/v1',
  },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', use: 'batch/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', use: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.25', use: 'Pod Security admission' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', use: 'autoscaling/v2' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', use: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', use: 'events.k8s.io/v1' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', use: 'node.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', use: 'autoscaling/v2' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: '*',
    removedIn: '1.26',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', use: 'storage.k8s.io/v1' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: '*',
    removedIn: '1.29',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: '*',
    removedIn: '1.32',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
];

/** REMOVED by apiVersion, in table order (the first entry for a kind wins, as in the table). */
const REMOVED_BY_VERSION = new Map<string, (typeof REMOVED)[number][]>();
for (const x of REMOVED) {
  const list = REMOVED_BY_VERSION.get(x.apiVersion);
  if (list) list.push(x);
  else REMOVED_BY_VERSION.set(x.apiVersion, [x]);
}

const params = z.object({
  /** The Kubernetes minor the manifests must work on (kubernetesVersion). */
  targetVersion: z.string().regex(/^1\.\d+$/),
  /** Also warn about APIs removed within this many minors after the target (the next upgrade). */
  lookAhead: z.number().int().min(0),
});

function minorNumber(v: string): number {
  return Number(v.split('.')[1]);
}

export default defineRule({
  meta: {
    id: 'upgrade.deprecated-apis',
    title: 'Manifests use no removed Kubernetes API versions',
    category: 'upgrade',
    checklist: ['operations.upgrade-plan'],
    severity: { test: 'medium', prod: 'high' },
    why: 'An object in an API version the cluster no longer serves cannot be applied; found after an upgrade, it blocks deploys.',
    verified:
      'No object uses an apiVersion removed at or before kubernetesVersion (fail) or within the next minors of the upgrade path (warning), such as policy/v1beta1 PodDisruptionBudget, autoscaling/v2beta2 HorizontalPodAutoscaler, batch/v1beta1 CronJob or extensions/v1beta1 Ingress.',
    fix: 'Move each object to the replacement API version named in the finding (`kubectl convert` helps) before upgrading.',
    equivalents: { kubeScore: ['stable-version'], kubeLinter: ['no-extensions-v1beta'] },
    params,
    defaults: (env) => ({ targetVersion: env.kubernetesVersion, lookAhead: 1 }),
    needs: { kube: [] },
  },
  check(inv, p) {
    if (inv.kubeResources.length === 0) return nothingToCheck(inv, ['Deployment'], 'Kubernetes objects');
    const target = minorNumber(p.targetVersion);
    const out: RuleResult[] = [];
    const resources = inv.kubeResources;
    // Indexed: one pass over every object, mostly before the JIT optimises it.
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i];
      const hit = REMOVED_BY_VERSION.get(r.object.apiVersion)?.find(
        (x) => x.kinds === '*' || x.kinds.includes(r.object.kind),
      );
      if (!hit) continue;
      const removed = minorNumber(hit.removedIn);
      if (removed <= target) {
        out.push(
          kubeResult(
            'fail',
            r,
            `${r.object.apiVersion} ${r.object.kind} was removed in ${hit.removedIn}; use ${hit.use}`,
            ['apiVersion'],
          ),
        );
      } else if (removed <= target + p.lookAhead) {
        out.push(
          kubeResult(
            'warn',
            r,
            `${r.object.apiVersion} ${r.object.kind} is removed in ${hit.removedIn}; use ${hit.use}`,
            ['apiVersion'],
          ),
        );
      }
    }
    if (out.length === 0) {
      out.push(result('pass', { kind: '*', name: '*' }, `no object uses an API version removed by ${p.targetVersion}`));
    }
    return out;
  },
});

import { z } from 'zod';
import { podTarget } from '../../inventory/controller-pods.js';
import type { LabelSelector } from '../../inventory/selectors.js';
import { nothingToCheck } from '../support/coverage.js';
import { podTargetResult } from '../support/references.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Check the pod selectors of ingress and egress peers too, not only spec.podSelector. */
  checkPeers: z.boolean(),
});

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}
interface PolicySpec {
  podSelector?: LabelSelector;
  ingress?: { from?: Peer[] }[];
  egress?: { to?: Peer[] }[];
}

const isEmpty = (s: LabelSelector | undefined) =>
  !!s && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

export default defineRule({
  meta: {
    id: 'security.network-policy-targets',
    title: 'NetworkPolicies and their peers select pods that exist',
    category: 'security',
    checklist: ['security.network-policies'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A NetworkPolicy whose podSelector matches nothing protects nothing, and a peer selector that matches nothing silently drops the traffic it was written to allow.',
    verified:
      "Each NetworkPolicy's spec.podSelector (an empty one selects every pod) and each ingress/egress peer podSelector without a namespaceSelector picks the pods of a workload in the policy's namespace, or of a known controller's custom resource; unknown when only custom resources of other kinds could run them. Peers with a namespaceSelector reach other namespaces and are not judged.",
    fix: 'Use labels that the pod templates carry (the workload selector labels), and check peer selectors after renaming an app.',
    equivalents: {
      kubeScore: ['networkpolicy-targets-pod'],
      kubeLinter: ['dangling-networkpolicy', 'dangling-networkpolicypeer-podselector'],
    },
    params,
    defaults: () => ({ checkPeers: true }),
    needs: { kube: ['NetworkPolicy', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'] },
  },
  check(inv, p) {
    const policies = inv.kube('NetworkPolicy');
    if (policies.length === 0) return nothingToCheck(inv, ['NetworkPolicy'], 'NetworkPolicies');
    const out: RuleResult[] = [];
    for (const np of policies) {
      const ns = np.object.metadata.namespace ?? 'default';
      const spec = (np.object.spec ?? {}) as PolicySpec;
      const selector = spec.podSelector ?? {};
      const own = isEmpty(selector)
        ? kubeResult('pass', np, 'its empty podSelector applies to every pod in the namespace')
        : podTargetResult(np, podTarget(inv, ns, selector), 'its podSelector', ['spec', 'podSelector']);
      if (own.status !== 'pass' || !p.checkPeers) {
        out.push(own);
        continue;
      }
      const peers: { peer: Peer; path: (string | number)[] }[] = [];
      (spec.ingress ?? []).forEach((r, i) => {
        for (const [j, peer] of (r.from ?? []).entries())
          peers.push({ peer, path: ['spec', 'ingress', i, 'from', j, 'podSelector'] });
      });
      (spec.egress ?? []).forEach((r, i) => {
        for (const [j, peer] of (r.to ?? []).entries())
          peers.push({ peer, path: ['spec', 'egress', i, 'to', j, 'podSelector'] });
      });
      let bad: RuleResult | undefined;
      for (const { peer, path } of peers) {
        if (!peer.podSelector || peer.namespaceSelector || isEmpty(peer.podSelector)) continue;
        const r = podTargetResult(
          np,
          podTarget(inv, ns, peer.podSelector),
          `the peer podSelector at ${path.slice(1, 5).join('.')}`,
          path,
        );
        if (r.status !== 'pass') {
          bad = r;
          if (r.status === 'fail') break;
        }
      }
      out.push(bad ?? own);
    }
    return out;
  },
});

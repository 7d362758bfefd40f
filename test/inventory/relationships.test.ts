import { describe, expect, it } from 'vitest';
import { aws, deployment, inventory, kobj, statefulSet } from '../rules/helpers.js';

const names = (list: readonly { object: { metadata: { name: string } } }[]) => list.map((r) => r.object.metadata.name);

describe('inventory relationships', () => {
  const web = deployment({ name: 'web', labels: { app: 'web', tier: 'front' } });
  const db = statefulSet({ name: 'db', labels: { app: 'db' } });
  const other = deployment({ name: 'web', namespace: 'other', labels: { app: 'web', tier: 'front' } });
  const owned = kobj('ReplicaSet', 'web-123', {
    metadata: {
      name: 'web-123',
      namespace: 'shop',
      ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
    },
    spec: { replicas: 1, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [] } } },
  });
  const inv = inventory({
    kube: [
      web,
      db,
      other,
      owned,
      kobj('Service', 'b-web', { spec: { selector: { app: 'web' } } }),
      kobj('Service', 'a-front', { spec: { selector: { tier: 'front', app: 'web' } } }),
      kobj('Service', 'none', { spec: {} }),
      kobj('Service', 'db', { spec: { selector: { app: 'db' } } }),
      kobj('PodDisruptionBudget', 'by-expression', {
        spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] } },
      }),
      kobj('NetworkPolicy', 'deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } }),
      kobj('NetworkPolicy', 'db-only', { spec: { podSelector: { matchLabels: { app: 'db' } } } }),
      kobj('HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { name: 'web' } } }),
      kobj('HorizontalPodAutoscaler', 'db', { spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'db' } } }),
      kobj('HorizontalPodAutoscaler', 'wrong-kind', { spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'web' } } }),
    ],
  });
  const [w, d] = inv.workloads();
  const [o] = inv.workloads({ includeOwned: true, kinds: ['ReplicaSet'] });
  const elsewhere = inv.workloads().find((x) => x.namespace === 'other');

  it('finds the Services selecting a workload in the inventory order, in its namespace only', () => {
    expect(names(inv.servicesFor(w))).toEqual(['b-web', 'a-front']);
    expect(names(inv.servicesFor(d))).toEqual(['db']);
    expect(inv.servicesFor(elsewhere ?? w)).toEqual([]);
    // Owned workloads carry the same pods: the same Services select them.
    expect(names(inv.servicesFor(o))).toEqual(['b-web', 'a-front']);
  });

  it('matches budgets by expressions and policies with an empty selector to every workload of the namespace', () => {
    expect(names(inv.pdbsFor(w))).toEqual(['by-expression']);
    expect(names(inv.pdbsFor(d))).toEqual(['by-expression']);
    expect(names(inv.networkPoliciesFor(w))).toEqual(['deny']);
    expect(names(inv.networkPoliciesFor(d))).toEqual(['deny', 'db-only']);
  });

  it('finds autoscalers by the kind and name they target, Deployment when no kind is given', () => {
    expect(names(inv.hpasFor(w))).toEqual(['web']);
    expect(names(inv.hpasFor(d))).toEqual(['db']);
    expect(inv.hpasFor(elsewhere ?? w)).toEqual([]);
    expect(inv.scaledObjectsFor(w)).toEqual([]);
  });

  it('selects the unowned workloads a selector picks', () => {
    expect(inv.selectWorkloads('shop', { matchLabels: { app: 'web' } }).map((x) => x.name)).toEqual(['web']);
    expect(inv.selectWorkloads('shop', {}).map((x) => x.name)).toEqual(['web', 'db']);
    expect(inv.selectWorkloads('shop', undefined)).toEqual([]);
  });

  it('finds Pod Identity associations by namespace and ServiceAccount, never by an unresolved reference', () => {
    const pia = (id: string, ns: unknown, sa: unknown) =>
      aws('AWS::EKS::PodIdentityAssociation', id, { Namespace: ns, ServiceAccount: sa });
    const withAssociations = inventory({
      aws: [
        pia('A', 'shop', 'api'),
        pia('B', 'shop', 'worker'),
        pia('C', 'shop', 'api'),
        pia('D', { Ref: 'Ns' }, 'api'),
      ],
    });
    expect(withAssociations.podIdentityAssociations('shop', 'api').map((a) => a.id)).toEqual(['A', 'C']);
    expect(withAssociations.podIdentityAssociations('shop', 'other')).toEqual([]);
    expect(withAssociations.podIdentityAssociations('other', 'api')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { known } from '../../../src/ops/facts.js';
import type { UpgradeFacts } from '../../../src/ops/upgrade/facts.js';
import { planUpgrade } from '../../../src/ops/upgrade/plan.js';
import { staticUpgradeFacts } from '../../../src/ops/upgrade/static-facts.js';
import { VERSION_LOCK } from '../../../src/versions/lock.js';
import { ENVS, inventory } from '../../rules/helpers.js';

function facts(over: Partial<UpgradeFacts> = {}): UpgradeFacts {
  return {
    environment: 'prod',
    clusterName: 'shop-prod',
    region: 'us-east-1',
    current: '1.33',
    nodeGroups: ['on-demand', 'spot'],
    objects: [],
    pdbs: [],
    workloads: [],
    kubelets: { state: 'unknown', reason: 'kubelet versions need the live cluster' },
    controlPlaneSubnets: { state: 'unknown', reason: 'needs the AWS account' },
    addons: ['vpc-cni', 'coredns', 'kube-proxy'],
    charts: ['clusterAutoscaler'],
    ...over,
  };
}

const codes = (plan: ReturnType<typeof planUpgrade>) =>
  plan.problems.map((p) => `${p.severity} ${p.code} ${p.object.name}`);

describe('upgrade plan', () => {
  it('plans the next minor with the lock versions and no blockers for current objects', () => {
    const plan = planUpgrade(facts(), { isInstalled: () => true });
    expect([plan.from, plan.to, plan.blockers]).toEqual(['1.33', '1.34', 0]);
    expect(plan.versions.find((v) => v.component === 'coredns')).toEqual({
      component: 'coredns',
      type: 'addon',
      from: 'v1.12.1-eksbuild.2',
      to: 'v1.12.4-eksbuild.1',
    });
    const autoscaler = VERSION_LOCK['1.34'].charts.clusterAutoscaler;
    expect(plan.versions.find((v) => v.component === 'clusterAutoscaler')?.to).toBe(
      `${autoscaler.version} (image ${autoscaler.imageTag})`,
    );
  });

  it('orders the playbook control plane, add-ons, node groups, verify, with the real names', () => {
    const plan = planUpgrade(facts(), { isInstalled: () => true });
    expect(plan.phases.map((p) => p.name)).toEqual(['prepare', 'control plane', 'add-ons', 'node groups', 'verify']);
    const commands = plan.phases.flatMap((p) => p.actions.map((a) => a.command ?? ''));
    expect(commands).toContain(
      'aws eks update-cluster-version --name shop-prod --kubernetes-version 1.34 --region us-east-1',
    );
    expect(commands).toContain(
      'aws eks update-nodegroup-version --cluster-name shop-prod --nodegroup-name shop-prod-spot --kubernetes-version 1.34 --region us-east-1',
    );
    expect(commands.some((c) => c.includes('--addon-name coredns --addon-version v1.12.4-eksbuild.1'))).toBe(true);
  });

  it('blocks on APIs the target no longer serves and warns about deprecated ones', () => {
    const plan = planUpgrade(
      facts({
        current: '1.32',
        objects: [
          {
            apiVersion: 'policy/v1beta1',
            kind: 'PodDisruptionBudget',
            name: 'old',
            namespace: 'shop',
            where: 'k8s/pdb.yaml:1',
          },
          { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', name: 'new', namespace: 'shop' },
        ],
      }),
      { isInstalled: () => true },
    );
    expect(plan.apis.map((a) => [a.object.name, a.status, a.replacement])).toEqual([['old', 'removed', 'policy/v1']]);
    expect(codes(plan)).toEqual(['critical upgrade.removed-api old']);
    expect(plan.problems[0].cause).toContain('k8s/pdb.yaml:1');
  });

  it('blocks on PDBs that stop drains and warns about single replicas', () => {
    const plan = planUpgrade(
      facts({
        pdbs: [
          {
            namespace: 'shop',
            name: 'pg',
            minAvailable: 2,
            workloads: [{ kind: 'StatefulSet', name: 'pg', replicas: 2 }],
          },
          {
            namespace: 'shop',
            name: 'api',
            minAvailable: 1,
            workloads: [{ kind: 'Deployment', name: 'api', replicas: 3 }],
          },
          { namespace: 'shop', name: 'live', maxUnavailable: 1, disruptionsAllowed: 0, workloads: [] },
        ],
        workloads: [{ kind: 'Deployment', namespace: 'shop', name: 'report', replicas: 1 }],
      }),
      { isInstalled: () => true },
    );
    expect(codes(plan)).toEqual([
      'critical upgrade.pdb-blocks-drain live',
      'critical upgrade.pdb-blocks-drain pg',
      'warning upgrade.single-replica report',
    ]);
    expect(plan.blockers).toBe(2);
  });

  it('blocks on kubelet skew and control-plane subnets short of free IPs when those were read', () => {
    const plan = planUpgrade(
      facts({
        kubelets: known([
          { node: 'old', version: '1.30' },
          { node: 'ok', version: '1.31' },
        ]),
        controlPlaneSubnets: known([
          { id: 'subnet-a', freeIps: 4 },
          { id: 'subnet-b', freeIps: 200 },
        ]),
      }),
      { isInstalled: () => true },
    );
    expect(codes(plan)).toEqual(['critical upgrade.kubelet-skew old', 'critical upgrade.subnet-ips subnet-a']);
    expect(Object.keys(plan.unknown).sort()).toEqual(['addonVersions', 'insights']);
  });

  it('names the kubectl layer package the target needs when it is not installed', () => {
    const plan = planUpgrade(facts(), { isInstalled: (pkg) => pkg !== '@aws-cdk/lambda-layer-kubectl-v34' });
    expect(plan.missingFromLock).toEqual([expect.stringContaining('npm i @aws-cdk/lambda-layer-kubectl-v34')]);
    expect(codes(plan)).toEqual(['critical upgrade.missing-from-lock 1.34']);
  });

  it('marks kubelets, subnets, the EKS add-on versions and insights, and the layer check unknown in static mode', () => {
    const plan = planUpgrade(facts());
    expect(Object.keys(plan.unknown).sort()).toEqual([
      'addonVersions',
      'controlPlaneSubnets',
      'insights',
      'kubectlLayer',
      'kubelets',
    ]);
  });
});

describe('static upgrade facts', () => {
  it('reads API versions, PDBs with the replicas they protect, and single replicas from the objects', () => {
    const labels = { app: 'pg' };
    const inv = inventory({
      kube: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: 'pg', namespace: 'shop' },
          spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: [{ name: 'pg' }] } },
          },
        },
        {
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name: 'pg', namespace: 'shop' },
          spec: { minAvailable: 1, selector: { matchLabels: labels } },
        },
      ],
    });
    const env = { ...ENVS.prod, kubernetesVersion: '1.34' };
    const f = staticUpgradeFacts(env, inv);
    expect(f.pdbs).toEqual([
      { namespace: 'shop', name: 'pg', minAvailable: 1, workloads: [{ kind: 'StatefulSet', name: 'pg', replicas: 1 }] },
    ]);
    const plan = planUpgrade(f, { isInstalled: () => true });
    expect(codes(plan)).toEqual(['critical upgrade.pdb-blocks-drain pg', 'warning upgrade.single-replica pg']);
    expect(f.nodeGroups).toEqual(env.nodes.groups.map((g) => g.name));
  });
});

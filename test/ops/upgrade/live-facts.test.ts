import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeInsightCommand, ListInsightsCommand } from '@aws-sdk/client-eks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveUpgradeFacts, writtenApiVersion } from '../../../src/ops/upgrade/live-facts.js';
import { planUpgrade } from '../../../src/ops/upgrade/plan.js';
import { type AccountMocks, isolateAwsEnv } from '../../support/aws-mocks.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { exampleEnv } from '../../support/live-inventory.js';
import { mockUpgradeAccount } from '../../support/ops-live-account.js';
import { liveShop } from '../../support/ops-live-cluster.js';

beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

const on134 = async () => ({ ...(await exampleEnv('prod')), kubernetesVersion: '1.34' });
const codes = (plan: ReturnType<typeof planUpgrade>) =>
  plan.problems.map((p) => `${p.severity} ${p.code} ${p.object.kind}/${p.object.name}`);

describe('live upgrade facts', () => {
  it('read kubelets, PDB disruptionsAllowed and the applied API versions from the cluster without AWS', async () => {
    const shop = await liveShop();
    server = shop.server;
    const { facts, to } = await liveUpgradeFacts(shop.conn, await on134());
    expect(to).toBe('1.35');
    expect(facts.current).toBe('1.34');
    expect(facts.kubelets).toEqual({
      state: 'read',
      value: [
        { node: 'ip-10-0-1-1', version: 'v1.34.2-eks-1' },
        { node: 'ip-10-0-2-1', version: 'v1.34.2-eks-1' },
        { node: 'ip-10-0-3-1', version: 'v1.30.9-eks-1' },
      ],
    });
    expect(facts.pdbs.map((p) => [p.name, p.disruptionsAllowed])).toEqual([
      ['api', 1],
      ['postgres', 0],
    ]);
    expect(facts.objects.find((o) => o.kind === 'Ingress')?.apiVersion).toBe('networking.k8s.io/v1beta1');
    expect(facts.controlPlaneSubnets).toEqual({
      state: 'unknown',
      reason: 'control-plane subnets: EKS DescribeCluster: AWS was not read (--no-aws)',
    });
    const plan = planUpgrade(facts, { to, isInstalled: () => true });
    expect(codes(plan)).toEqual([
      'critical upgrade.removed-api Ingress/api',
      'critical upgrade.pdb-blocks-drain PodDisruptionBudget/postgres',
      'critical upgrade.kubelet-skew Node/ip-10-0-3-1',
      'warning upgrade.single-replica StatefulSet/postgres',
    ]);
    expect(plan.unknown.addonVersions).toContain('--no-aws');
    expect(plan.unknown.clusterVersion).toBe(
      "the control plane's version: EKS DescribeCluster: AWS was not read (--no-aws); the config's 1.34 is assumed",
    );
  });

  it('take the minor from EKS and check offered add-on versions, upgrade insights and free control-plane IPs', async () => {
    mocks = mockUpgradeAccount();
    const shop = await liveShop({}, true);
    server = shop.server;
    const { facts, to } = await liveUpgradeFacts(shop.conn, await exampleEnv('prod'));
    // The config says 1.35; the cluster (DescribeCluster) is on 1.34.
    expect([facts.current, to]).toEqual(['1.34', '1.35']);
    expect(mocks.ec2.commandCalls(DescribeSubnetsCommand)[0].args[0].input.Filters).toEqual([
      { Name: 'subnet-id', Values: ['subnet-a', 'subnet-b', 'subnet-c'] },
    ]);
    expect(mocks.eks.commandCalls(DescribeInsightCommand).map((c) => c.args[0].input.id)).toEqual(['i-1']);
    const plan = planUpgrade(facts, { to, isInstalled: () => true });
    const found = codes(plan);
    expect(found).toContain('critical upgrade.addon-incompatible Addon/vpc-cni');
    expect(found.filter((c) => c.includes('addon-incompatible'))).toHaveLength(1);
    expect(found).toContain('critical upgrade.insight Insight/Deprecated APIs removed in Kubernetes v1.35');
    expect(found).not.toContain('critical upgrade.insight Insight/Kubelet version skew');
    expect(found).toContain('critical upgrade.subnet-ips Subnet/subnet-a');
    expect(found).not.toContain('critical upgrade.subnet-ips Subnet/subnet-b');
    expect(plan.unknown).toEqual({});
  });

  it('mark a forbidden kind and a denied EKS call unknown with the reason', async () => {
    mocks = mockUpgradeAccount();
    mocks.eks.on(ListInsightsCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const shop = await liveShop({ forbidden: ['PodDisruptionBudget'] }, true);
    server = shop.server;
    const { facts, to } = await liveUpgradeFacts(shop.conn, await exampleEnv('prod'));
    expect(facts.unread).toEqual({
      PodDisruptionBudget: 'forbidden: list poddisruptionbudgets.policy at cluster scope (RBAC)',
    });
    expect(facts.pdbs).toEqual([]);
    expect(facts.insights).toEqual({
      state: 'unknown',
      reason: 'EKS ListInsights: AccessDenied: eks:ListInsights (the verifier policy grants it)',
    });
    const plan = planUpgrade(facts, { to, isInstalled: () => true });
    expect(plan.unknown['kubernetes.PodDisruptionBudget']).toContain('forbidden');
    expect(plan.unknown.insights).toContain('AccessDenied');
  });

  it('read the version an object was applied in, falling back to the served one', () => {
    const o = (annotations?: Record<string, string>) => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'p', annotations },
    });
    expect(writtenApiVersion(o())).toBe('policy/v1');
    expect(
      writtenApiVersion(
        o({
          'kubectl.kubernetes.io/last-applied-configuration':
            '{"apiVersion":"policy/v1beta1","kind":"PodDisruptionBudget"}',
        }),
      ),
    ).toBe('policy/v1beta1');
    expect(writtenApiVersion(o({ 'kubectl.kubernetes.io/last-applied-configuration': 'not json' }))).toBe('policy/v1');
  });
});

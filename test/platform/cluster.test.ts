import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION_LOCK } from '../../src/platform/versions.js';
import { dig, exampleEnv, resourcesOf, type Synthesized, synth, variantEnv } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
beforeAll(async () => {
  [test, prod] = await Promise.all([synth(await exampleEnv('test')), synth(await exampleEnv('prod'))]);
});

function privateSubnetIds(s: Synthesized): string[] {
  return resourcesOf(s.template, 'AWS::EC2::Subnet')
    .filter(([, r]) => ((dig(r.Properties, 'Tags') ?? []) as { Value: string }[]).some((t) => t.Value === 'Private'))
    .map(([id]) => id)
    .sort();
}

describe('cluster', () => {
  it('runs the configured Kubernetes version with a private endpoint, KMS-encrypted secrets and control plane logs', () => {
    // cdk-nag does not inspect aws-eks-v2 clusters, so these are asserted here.
    for (const s of [test, prod]) {
      const [[, cluster]] = resourcesOf(s.template, 'AWS::EKS::Cluster');
      const p = cluster.Properties;
      expect(dig(p, 'Version')).toBe('1.35');
      expect(dig(p, 'ResourcesVpcConfig', 'EndpointPrivateAccess')).toBe(true);
      expect(dig(p, 'ResourcesVpcConfig', 'EndpointPublicAccess')).toBe(false);
      expect(dig(p, 'EncryptionConfig', 0, 'Resources')).toEqual(['secrets']);
      expect(dig(p, 'EncryptionConfig', 0, 'Provider', 'KeyArn', 'Fn::GetAtt', 1)).toBe('Arn');
      expect(dig(p, 'Logging', 'ClusterLogging', 'EnabledTypes')).toEqual([
        { Type: 'api' },
        { Type: 'audit' },
        { Type: 'authenticator' },
      ]);
      expect(dig(p, 'AccessConfig', 'AuthenticationMode')).toBe('API');
      expect(dig(p, 'BootstrapSelfManagedAddons')).toBe(false);
    }
    prod.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('opens the public endpoint only to the listed CIDRs when configured', async () => {
    const env = variantEnv('test', (c) => {
      c.cluster = {
        ...(c.cluster as object),
        endpointAccess: 'publicAndPrivate',
        publicAccessCidrs: ['203.0.113.0/24'],
      };
    });
    const s = await synth(env);
    s.template.hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: {
        EndpointPublicAccess: true,
        EndpointPrivateAccess: true,
        PublicAccessCidrs: ['203.0.113.0/24'],
      },
    });
  });

  it('places prod node groups only in private subnets across three zones with at least three on-demand nodes', () => {
    const privates = privateSubnetIds(prod);
    expect(privates).toHaveLength(3);
    const groups = resourcesOf(prod.template, 'AWS::EKS::Nodegroup').map(([, r]) => r.Properties);
    for (const g of groups) {
      expect((dig(g, 'Subnets') as { Ref: string }[]).map((s) => s.Ref).sort()).toEqual(privates);
      expect(dig(g, 'AmiType')).toBe('AL2023_x86_64_STANDARD');
    }
    const onDemand = groups.find((g) => dig(g, 'CapacityType') === 'ON_DEMAND');
    expect(dig(onDemand, 'ScalingConfig', 'MinSize')).toBeGreaterThanOrEqual(3);
    expect(dig(onDemand, 'Labels')).toEqual({
      'slipway.io/capacity': 'on-demand',
      'slipway.io/node-group': 'on-demand',
    });
  });

  it('gives test a spot node group labelled for workloads to select', () => {
    const groups = resourcesOf(test.template, 'AWS::EKS::Nodegroup').map(([, r]) => r.Properties);
    const spot = groups.find((g) => dig(g, 'CapacityType') === 'SPOT');
    expect(dig(spot, 'Labels', 'slipway.io/capacity')).toBe('spot');
    expect((dig(spot, 'InstanceTypes') as string[]).length).toBeGreaterThan(1);
    expect(groups.reduce((n, g) => n + Number(dig(g, 'ScalingConfig', 'MinSize')), 0)).toBeGreaterThanOrEqual(2);
  });

  it('installs vpc-cni, kube-proxy and coredns at the locked versions', () => {
    const lock = VERSION_LOCK['1.35'].addons;
    for (const name of ['vpc-cni', 'kube-proxy', 'coredns'] as const) {
      prod.template.hasResourceProperties('AWS::EKS::Addon', { AddonName: name, AddonVersion: lock[name] });
    }
  });

  it('grants the configured admins cluster-admin through access entries', () => {
    prod.template.hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: 'arn:aws:iam::123456789012:role/platform-admins',
      AccessPolicies: [
        {
          AccessScope: { Type: 'cluster' },
          PolicyArn: {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'],
            ],
          },
        },
      ],
    });
  });

  it('creates the control plane log group before the cluster, with the environment retention', () => {
    test.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/eks/shop-test/cluster',
      RetentionInDays: 7,
    });
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/eks/shop-prod/cluster',
      RetentionInDays: 60,
    });
    const [[, cluster]] = resourcesOf(prod.template, 'AWS::EKS::Cluster');
    expect(cluster.DependsOn?.some((d) => d.startsWith('ClusterControlPlaneLogs'))).toBe(true);
  });

  it('uses the stack environment and configured zones without any lookup', () => {
    expect(prod.stack.account).toBe('123456789012');
    expect(prod.stack.region).toBe('us-east-1');
    expect(prod.stack.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });
});

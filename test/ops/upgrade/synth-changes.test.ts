import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/inventory/inventory.js';
import { awsResource } from '../../../src/inventory/memory.js';
import { synthChanges } from '../../../src/ops/upgrade/synth-changes.js';

const inv = (resources: ReturnType<typeof awsResource>[]) => new Inventory({ aws: resources });

describe('what synth would change between two minors', () => {
  it('lists the leaf properties that differ, chart values key by key, and leaves asset locations out', () => {
    const before = inv([
      awsResource('AWS::EKS::Cluster', 'Cluster', { Name: 'shop-prod', Version: '1.34' }),
      awsResource('AWS::EKS::Addon', 'CoreDns', { AddonName: 'coredns', AddonVersion: 'v1.12.4-eksbuild.1' }),
      awsResource('Custom::AWSCDK-EKS-HelmChart', 'Autoscaler', {
        Version: '9.50.1',
        Values: JSON.stringify({ image: { tag: 'v1.34.5' }, replicaCount: 2 }),
      }),
      awsResource('AWS::Lambda::LayerVersion', 'Layer', {
        Content: { S3Key: 'aaaa.zip' },
        Description: 'kubectl 1.34.5',
      }),
      awsResource('AWS::EKS::Nodegroup', 'Spot', { ReleaseVersion: '1.34.2-20251120' }),
    ]);
    const after = inv([
      awsResource('AWS::EKS::Cluster', 'Cluster', { Name: 'shop-prod', Version: '1.35' }),
      awsResource('AWS::EKS::Addon', 'CoreDns', { AddonName: 'coredns', AddonVersion: 'v1.13.2-eksbuild.4' }),
      awsResource('Custom::AWSCDK-EKS-HelmChart', 'Autoscaler', {
        Version: '9.50.1',
        Values: JSON.stringify({ image: { tag: 'v1.35.2' }, replicaCount: 2 }),
      }),
      awsResource('AWS::Lambda::LayerVersion', 'Layer', {
        Content: { S3Key: 'bbbb.zip' },
        Description: 'kubectl 1.35.2',
      }),
      awsResource('AWS::EKS::Nodegroup', 'Spot', { ReleaseVersion: '1.35.0-20251201' }),
      awsResource('AWS::EKS::Addon', 'NewAddon', { AddonName: 'new' }),
    ]);
    expect(synthChanges(before, after).map((c) => `${c.resource} ${c.property}: ${c.from} → ${c.to}`)).toEqual([
      'CoreDns AddonVersion: v1.12.4-eksbuild.1 → v1.13.2-eksbuild.4',
      'NewAddon (resource): (none) → present',
      'Cluster Version: 1.34 → 1.35',
      'Spot ReleaseVersion: 1.34.2-20251120 → 1.35.0-20251201',
      'Layer Description: kubectl 1.34.5 → kubectl 1.35.2',
      'Autoscaler Values.image.tag: v1.34.5 → v1.35.2',
    ]);
  });

  it('finds nothing between two equal syntheses', () => {
    const r = [awsResource('AWS::EKS::Cluster', 'Cluster', { Version: '1.34' })];
    expect(synthChanges(inv(r), inv(r))).toEqual([]);
  });
});

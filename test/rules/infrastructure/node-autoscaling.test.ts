import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/node-autoscaling.js';
import { aws, deployment, inventory, run, statusOf } from '../helpers.js';
import { nodegroup, PRIVATE3, vpc } from './fixtures.js';

describe('infrastructure.node-autoscaling', () => {
  it('passes a group that can grow, with the prod floor of 3 nodes', () => {
    const results = run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'Ng')).toBe('pass');
    expect(statusOf(results, '*')).toBe('pass');
  });

  it('fails a group whose max equals its min', () => {
    const results = run(
      rule,
      inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: 3, DesiredSize: 3, MaxSize: 3 })] }),
    );
    expect(statusOf(results, 'Ng')).toBe('fail');
    expect(results[0].path).toEqual(['ScalingConfig', 'MaxSize']);
  });

  it('fails two nodes in prod but passes them in test', () => {
    const inv = inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: 2, DesiredSize: 2, MaxSize: 4 })] });
    expect(statusOf(run(rule, inv, 'prod'), '*')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), '*')).toBe('pass');
  });

  it('is unknown for sizes given as template parameters', () => {
    const results = run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: { Ref: 'Min' }, MaxSize: 6 })] }));
    expect(statusOf(results, 'Ng')).toBe('unknown');
  });

  const caChart = aws('Custom::AWSCDK-EKS-HelmChart', 'Ca', {
    Chart: 'cluster-autoscaler',
    Release: 'cluster-autoscaler',
  });

  it('passes when a Cluster Autoscaler chart adds nodes', () => {
    const results = run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3), caChart] }));
    expect(statusOf(results, 'Ca')).toBe('pass');
  });

  it('passes a Karpenter chart given as an OCI reference', () => {
    const karpenter = aws('Custom::AWSCDK-EKS-HelmChart', 'K', { Chart: 'oci://public.ecr.aws/karpenter/karpenter' });
    expect(statusOf(run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3), karpenter] })), 'K')).toBe('pass');
  });

  it('passes EKS Auto Mode on the cluster', () => {
    const cluster = aws('AWS::EKS::Cluster', 'Cluster', { ComputeConfig: { Enabled: true } });
    expect(statusOf(run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3), cluster] })), 'Cluster')).toBe('pass');
  });

  it('passes a running cluster-autoscaler Deployment (live or dump)', () => {
    const ca = deployment({ name: 'cluster-autoscaler-aws-cluster-autoscaler', namespace: 'kube-system' });
    const results = run(rule, inventory({ kube: [ca], aws: [nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'cluster-autoscaler-aws-cluster-autoscaler')).toBe('pass');
  });

  it('fails when nothing can add nodes, even with room between min and max', () => {
    const results = run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'Ng')).toBe('pass');
    expect(statusOf(results, 'node-autoscaler')).toBe('fail');
    expect(results.find((r) => r.status === 'fail')?.message).toMatch(/cluster-autoscaler and karpenter/);
  });

  it('is unknown about the autoscaler when the live source read node groups only', () => {
    const results = run(
      rule,
      inventory({ mode: 'live', awsTypes: ['AWS::EKS::Nodegroup'], aws: [nodegroup('Ng', PRIVATE3)] }),
    );
    expect(statusOf(results, 'node-autoscaler')).toBe('unknown');
  });
});

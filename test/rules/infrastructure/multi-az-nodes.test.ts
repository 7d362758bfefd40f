import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/multi-az-nodes.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';
import { nodegroup, PRIVATE3, vpc } from './fixtures.js';

const node = (name: string, zone: string) =>
  kobj('Node', name, { metadata: { labels: { 'topology.kubernetes.io/zone': zone } } }, undefined);

describe('infrastructure.multi-az-nodes', () => {
  it('passes a node group whose subnets span three zones in prod', () => {
    const results = run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'Ng')).toBe('pass');
  });

  it('fails a prod node group in two zones, and passes it in test', () => {
    const inv = inventory({ aws: [...vpc(3), nodegroup('Ng', ['PrivateSubnet1', 'PrivateSubnet2'])] });
    expect(statusOf(run(rule, inv, 'prod'), 'Ng')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'Ng')).toBe('pass');
  });

  it('counts zone names too', () => {
    const results = run(rule, inventory({ aws: [...vpc(3, { literalZones: true }), nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'Ng')).toBe('pass');
  });

  it('fails live when three nodes sit in one zone in prod', () => {
    const nodes = [node('n1', 'us-east-1a'), node('n2', 'us-east-1a'), node('n3', 'us-east-1a')];
    const results = run(
      rule,
      inventory({ kube: nodes, mode: 'live', kubeKinds: ['Node'], awsTypes: ['AWS::EKS::Nodegroup'] }),
    );
    expect(results.find((r) => 'kind' in r.subject && r.subject.kind === 'Node')?.status).toBe('fail');
  });

  it('passes live nodes in three zones', () => {
    const nodes = [node('n1', 'us-east-1a'), node('n2', 'us-east-1b'), node('n3', 'us-east-1c')];
    const results = run(
      rule,
      inventory({ kube: nodes, mode: 'live', kubeKinds: ['Node'], awsTypes: ['AWS::EKS::Nodegroup'] }),
    );
    expect(results.map((r) => r.status)).toEqual(['pass']);
  });

  it('is unknown on a manifests-only run, with a wildcard subject', () => {
    const results = run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] }));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'unknown', subject: { awsType: 'AWS::EKS::Nodegroup', id: '*' } });
  });
});

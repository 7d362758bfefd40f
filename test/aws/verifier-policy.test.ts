import { describe, expect, it } from 'vitest';
import { isReadOnlyAction } from '../../src/aws/access-table.js';
import { verifierPolicy } from '../../src/aws/verifier-policy.js';

describe('verifier IAM policy', () => {
  it('allows exactly the read calls the AWS source makes for the types, EKS scoped to the cluster', () => {
    const { policy, unsupported } = verifierPolicy(
      ['AWS::EKS::Nodegroup', 'AWS::EC2::Subnet', 'AWS::SecretsManager::Secret', 'AWS::KMS::Key'],
      {
        clusterName: 'shop-prod',
        region: 'eu-west-1',
      },
    );
    expect(unsupported).toEqual(['AWS::KMS::Key']);
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions).toEqual([
      'ec2:DescribeRouteTables',
      'ec2:DescribeSubnets',
      'eks:DescribeCluster',
      'eks:DescribeNodegroup',
      'eks:ListNodegroups',
      'secretsmanager:ListSecrets',
    ]);
    expect(actions.every(isReadOnlyAction)).toBe(true);
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
    const eks = policy.Statement.find((s) => s.Sid === 'ReadEksCluster');
    expect(eks?.Resource).toContain('arn:aws:eks:eu-west-1:*:cluster/shop-prod');
  });
});

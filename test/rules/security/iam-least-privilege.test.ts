import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/iam-least-privilege.js';
import { aws, inventory, kobj, run, statusOf } from '../helpers.js';

const role = (id: string, statements: unknown[], extra: Record<string, unknown> = {}) =>
  aws('AWS::IAM::Role', id, {
    AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' } }] },
    Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    ...extra,
  });

describe('security.iam-least-privilege', () => {
  it('passes named actions on named resources, and Secrets Manager under the environment path', () => {
    const r = role('Api', [
      {
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
        Resource: 'arn:aws:sqs:us-east-1:123456789012:orders',
      },
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:us-east-1:123456789012:secret:EKS/prod/*'],
          ],
        },
      },
    ]);
    expect(statusOf(run(rule, inventory({ aws: [r] })), 'Api')).toBe('pass');
  });

  it.each([
    ['"*" actions', { Effect: 'Allow', Action: '*', Resource: '*' }],
    ['a service wildcard', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }],
    ['a data read on every secret', { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    ['a KMS decrypt on "*"', { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] }],
    ['NotAction', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
    [
      'secrets of another environment',
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: 'arn:aws:secretsmanager:us-east-1:1:secret:EKS/test/*',
      },
    ],
  ])('fails %s', (_, statement) => {
    const results = run(rule, inventory({ aws: [role('Api', [statement])] }));
    expect(statusOf(results, 'Api')).toBe('fail');
    expect(results[0].path).toEqual(['Policies', 0, 'PolicyDocument', 'Statement', 0]);
  });

  it('accepts controller-style grants: metadata reads and EC2/ELB actions on "*", conditioned writes', () => {
    const policy = aws('AWS::IAM::Policy', 'AlbPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ec2:DescribeVpcs', 'elasticloadbalancing:DescribeLoadBalancers'],
            Resource: '*',
          },
          {
            Effect: 'Allow',
            Action: ['iam:ListServerCertificates', 'iam:GetServerCertificate', 'acm:ListCertificates'],
            Resource: '*',
          },
          {
            Effect: 'Allow',
            Action: 'iam:CreateServiceLinkedRole',
            Resource: '*',
            Condition: { StringEquals: { 'iam:AWSServiceName': 'x' } },
          },
          {
            Effect: 'Allow',
            Action: ['ec2:CreateSecurityGroup', 'elasticloadbalancing:CreateListener'],
            Resource: '*',
          },
          { Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' },
        ],
      },
      Roles: [{ Ref: 'AlbRole' }],
    });
    expect(statusOf(run(rule, inventory({ aws: [policy] })), 'AlbPolicy')).toBe('pass');
  });

  it('fails a role with AdministratorAccess attached', () => {
    const r = aws('AWS::IAM::Role', 'Admin', {
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] },
      ],
    });
    expect(statusOf(run(rule, inventory({ aws: [r] })), 'Admin')).toBe('fail');
  });

  it('is unknown on a manifests-only run', () => {
    const results = run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] }));
    expect(results.map((r) => r.status)).toEqual(['unknown']);
    expect(results[0].subject).toEqual({ awsType: 'AWS::IAM::Role', id: '*' });
  });
});

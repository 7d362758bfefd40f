import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/pod-identity.js';
import { aws, deployment, goodContainer, inventory, kobj, run, statusOf } from '../helpers.js';

const withEnv = (env: unknown[]) => deployment({ containers: [goodContainer('app', { env })] });

describe('security.pod-identity', () => {
  it('passes a workload with no stored AWS credentials and a Pod Identity association', () => {
    const assoc = aws('AWS::EKS::PodIdentityAssociation', 'Assoc', { Namespace: 'shop', ServiceAccount: 'api' });
    const d = deployment({ podSpec: { serviceAccountName: 'api' } });
    const results = run(rule, inventory({ kube: [d], aws: [assoc] }));
    expect(statusOf(results, 'api')).toBe('pass');
  });

  it.each([
    [
      'AWS_ACCESS_KEY_ID from a Secret',
      [{ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'aws', key: 'id' } } }],
    ],
    ['AWS_SECRET_ACCESS_KEY literal', [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'abc' }]],
    ['an access key id under another name', [{ name: 'S3_KEY', value: 'AKIAABCDEFGHIJKLMNOP' }]],
  ])('fails a container with %s in env (pitfall 5)', (_, env) => {
    const results = run(rule, inventory({ kube: [withEnv(env)] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-2)).toEqual(['env', 0]);
  });

  it('fails a container that mounts an AWS credentials file', () => {
    const d = deployment({
      containers: [goodContainer('app', { volumeMounts: [{ name: 'aws', mountPath: '/root/.aws' }] })],
    });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('fail');
  });

  it('fails a ConfigMap and a Secret that hold AWS keys', () => {
    const cm = kobj('ConfigMap', 'aws-config', { data: { AWS_ACCESS_KEY_ID: 'AKIAABCDEFGHIJKLMNOP' } });
    const secret = kobj('Secret', 'aws-creds', {
      data: { credentials: Buffer.from('[default]\naws_secret_access_key = x').toString('base64') },
    });
    const results = run(rule, inventory({ kube: [deployment(), cm, secret] }));
    expect(statusOf(results, 'aws-config')).toBe('fail');
    expect(statusOf(results, 'aws-creds')).toBe('fail');
    expect(statusOf(results, 'api')).toBe('pass');
  });

  it('warns about a ServiceAccount using IRSA instead of Pod Identity', () => {
    const sa = kobj('ServiceAccount', 'api', {
      metadata: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/x' } },
    });
    const d = deployment({ podSpec: { serviceAccountName: 'api' } });
    expect(statusOf(run(rule, inventory({ kube: [d, sa] })), 'api')).toBe('warn');
  });
});

describe('security.pod-identity: AWS callers', () => {
  const caller = deployment({
    podSpec: { serviceAccountName: 'worker' },
    containers: [
      goodContainer('app', { env: [{ name: 'SQS_QUEUE_URL', value: 'https://sqs.us-east-1.amazonaws.com/1/q' }] }),
    ],
  });

  it('warns about a workload calling AWS without a Pod Identity association', () => {
    const other = aws('AWS::EKS::PodIdentityAssociation', 'Other', { Namespace: 'shop', ServiceAccount: 'api' });
    expect(statusOf(run(rule, inventory({ kube: [caller], aws: [other] })), 'api')).toBe('warn');
  });

  it('passes it with an association for its ServiceAccount', () => {
    const assoc = aws('AWS::EKS::PodIdentityAssociation', 'Worker', { Namespace: 'shop', ServiceAccount: 'worker' });
    expect(statusOf(run(rule, inventory({ kube: [caller], aws: [assoc] })), 'api')).toBe('pass');
  });

  it('does not guess on a manifests-only run', () => {
    expect(statusOf(run(rule, inventory({ kube: [caller] })), 'api')).toBe('pass');
  });
});

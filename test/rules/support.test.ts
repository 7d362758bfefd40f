import { describe, expect, it } from 'vitest';
import { knowsAwsType, knowsKind, unknownAws } from '../../src/rules/support/coverage.js';
import { minorOf, nextEksVersion } from '../../src/rules/support/eks-versions.js';
import { cfnText } from '../../src/rules/support/iam.js';
import { parseQuantity, toGi } from '../../src/rules/support/quantity.js';
import { consumerEvidence } from '../../src/rules/support/queues.js';
import { looksLikeSecret } from '../../src/rules/support/secrets.js';
import { aws, deployment, goodContainer, inventory, kobj } from './helpers.js';

describe('rule support', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['256Mi', 256 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1e3', 1000],
    ['10G', 1e10],
  ])('parses the quantity %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it('rejects what is not a quantity, and converts to GiB', () => {
    expect(parseQuantity('lots')).toBeUndefined();
    expect(toGi(parseQuantity('1Ti') ?? 0)).toBe(1024);
  });

  it('flattens CloudFormation intrinsics to text', () => {
    expect(cfnText({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b']] })).toBe('arn:aws:s3:::b');
    expect(cfnText({ 'Fn::Sub': `arn:\${AWS::Partition}:sqs:x` })).toBe(`arn:\${AWS::Partition}:sqs:x`);
    expect(cfnText({ 'Fn::GetAtt': ['Queue', 'Arn'] })).toBe(`\${Queue.Arn}`);
    expect(cfnText(42)).toBeUndefined();
  });

  it.each([
    ['DB_PASSWORD', 'hunter2', true],
    ['API_KEY', 'abc', true],
    ['ANY', 'AKIAABCDEFGHIJKLMNOP', true],
    ['DB_PASSWORD_FILE', '/run/secrets/db', false],
    ['SECRET_NAME', 'EKS/prod/db', false],
    ['TOKEN', `\${TOKEN}`, false],
    ['LOG_LEVEL', 'debug', false],
  ])('judges %s=%s as secret: %s', (name, value, expected) => {
    expect(looksLikeSecret(name, value)).toBe(expected);
  });

  it('reads Kubernetes minors and the next EKS version', () => {
    expect(minorOf('v1.33.4-eks-1234')).toBe('1.33');
    expect(nextEksVersion('1.33')?.minor).toBe('1.34');
  });

  it('treats files as showing every kind, and live sources only the kinds they collected', () => {
    const files = inventory({ kube: [kobj('ConfigMap', 'c')] });
    expect(knowsKind(files, 'NetworkPolicy')).toBe(true);
    const live = inventory({ kube: [kobj('ConfigMap', 'c')], mode: 'live', kubeKinds: ['ConfigMap'] });
    expect(knowsKind(live, 'NetworkPolicy')).toBe(false);
    expect(knowsAwsType(files, 'AWS::EKS::Nodegroup')).toBe(false);
  });

  it('explains an AWS type that access was denied for', () => {
    const inv = inventory({
      mode: 'live',
      aws: [aws('AWS::EKS::Cluster', 'c', {})],
      awsDenied: { 'AWS::IAM::Role': 'AccessDenied: iam:ListRoles' },
    });
    const [r] = unknownAws(inv, ['AWS::IAM::Role']) ?? [];
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('iam:ListRoles');
  });

  it('answers queue evidence per set of parameters, even when rules ask about the same workload', () => {
    const worker = deployment({ containers: [goodContainer('w', { env: [{ name: 'JOBS_TOPIC', value: 'x' }] })] });
    const inv = inventory({ kube: [worker] });
    const [w] = inv.workloads();
    expect(consumerEvidence(inv, w, ['aws-sqs-queue'], /QUEUE_URL$/)).toBeUndefined();
    expect(consumerEvidence(inv, w, ['aws-sqs-queue'], /_TOPIC$/)).toBe('container w reads JOBS_TOPIC');
    expect(consumerEvidence(inv, w, ['aws-sqs-queue'], /_topic$/i)).toBe('container w reads JOBS_TOPIC');
    expect(consumerEvidence(inv, w, ['aws-sqs-queue'], /_topic$/)).toBeUndefined();
  });
});

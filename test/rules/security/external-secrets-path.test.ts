import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/external-secrets-path.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const es = (name: string, key: string) =>
  kobj('ExternalSecret', name, {
    spec: {
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws' },
      data: [{ secretKey: 'password', remoteRef: { key } }],
    },
  });

describe('security.external-secrets-path', () => {
  it('passes keys under the environment path', () => {
    expect(statusOf(run(rule, inventory({ kube: [es('db', 'EKS/prod/api/db')] }), 'prod'), 'db')).toBe('pass');
  });

  it('fails a prod ExternalSecret reading test secrets, and a test one reading prod secrets', () => {
    expect(statusOf(run(rule, inventory({ kube: [es('db', 'EKS/test/api/db')] }), 'prod'), 'db')).toBe('fail');
    expect(statusOf(run(rule, inventory({ kube: [es('db', 'EKS/prod/api/db')] }), 'test'), 'db')).toBe('fail');
  });

  it('reads the secret name out of an ARN key', () => {
    const key = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:EKS/prod/api/db-AbCdEf';
    expect(statusOf(run(rule, inventory({ kube: [es('db', key)] })), 'db')).toBe('pass');
  });

  it('skips when there are no ExternalSecrets', () => {
    expect(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })).map((r) => r.status)).toEqual(['skip']);
  });
});

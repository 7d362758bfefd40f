import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/operations/audit-logging.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const cluster = (types: string[]) =>
  aws('AWS::EKS::Cluster', 'Cluster', {
    Logging: { ClusterLogging: { EnabledTypes: types.map((Type) => ({ Type })) } },
  });

describe('operations.audit-logging', () => {
  it('passes a cluster logging api, audit and authenticator', () => {
    expect(statusOf(run(rule, inventory({ aws: [cluster(['api', 'audit', 'authenticator'])] })), 'Cluster')).toBe(
      'pass',
    );
  });

  it('fails a cluster without audit logs', () => {
    expect(statusOf(run(rule, inventory({ aws: [cluster(['api', 'authenticator'])] })), 'Cluster')).toBe('fail');
  });

  it('fails a cluster without any logging', () => {
    expect(statusOf(run(rule, inventory({ aws: [aws('AWS::EKS::Cluster', 'Cluster', {})] })), 'Cluster')).toBe('fail');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/private-endpoint.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const cluster = (vpcConfig: Record<string, unknown>) =>
  aws('AWS::EKS::Cluster', 'Cluster', { ResourcesVpcConfig: vpcConfig });

describe('infrastructure.private-endpoint', () => {
  it('passes a private endpoint', () => {
    const c = cluster({ EndpointPublicAccess: false, EndpointPrivateAccess: true });
    expect(statusOf(run(rule, inventory({ aws: [c] })), 'Cluster')).toBe('pass');
  });

  it('fails an endpoint that is public by default', () => {
    expect(statusOf(run(rule, inventory({ aws: [cluster({})] })), 'Cluster')).toBe('fail');
  });

  it('passes a public endpoint limited to office CIDRs when the environment allows public access', () => {
    const c = cluster({ EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] });
    const open = cluster({ EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/0'] });
    expect(statusOf(run(rule, inventory({ aws: [c] }), 'prod', { allowPublic: true }), 'Cluster')).toBe('pass');
    expect(statusOf(run(rule, inventory({ aws: [open] }), 'prod', { allowPublic: true }), 'Cluster')).toBe('fail');
  });

  it.each([
    ['no CIDR list', { EndpointPublicAccess: true }],
    ['an empty CIDR list', { EndpointPublicAccess: true, PublicAccessCidrs: [] }],
  ])('fails a public endpoint with %s even where public access is allowed', (_, vpc) => {
    expect(statusOf(run(rule, inventory({ aws: [cluster(vpc)] }), 'prod', { allowPublic: true }), 'Cluster')).toBe(
      'fail',
    );
  });
});

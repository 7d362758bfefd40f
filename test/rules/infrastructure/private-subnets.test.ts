import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/private-subnets.js';
import { aws, inventory, run, statusOf } from '../helpers.js';
import { nodegroup, PRIVATE3, vpc } from './fixtures.js';

describe('infrastructure.private-subnets', () => {
  it('passes node groups in private subnets (NAT routes only)', () => {
    expect(statusOf(run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', PRIVATE3)] })), 'Ng')).toBe('pass');
  });

  it('fails a node group in a subnet routed to an internet gateway', () => {
    const results = run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', ['PrivateSubnet1', 'PublicSubnet2'])] }));
    expect(statusOf(results, 'Ng')).toBe('fail');
    expect(results[0].path).toEqual(['Subnets', 1]);
  });

  it('fails a live subnet routed to an igw- id', () => {
    const inv = inventory({
      mode: 'live',
      awsTypes: ['AWS::EKS::Nodegroup', 'AWS::EC2::Subnet'],
      aws: [
        aws('AWS::EC2::Subnet', 'subnet-1', { MapPublicIpOnLaunch: false }),
        aws('AWS::EC2::SubnetRouteTableAssociation', 'rtbassoc-1', { SubnetId: 'subnet-1', RouteTableId: 'rtb-1' }),
        aws('AWS::EC2::RouteTable', 'rtb-1', {}),
        aws('AWS::EC2::Route', 'rtb-1/0.0.0.0/0', { RouteTableId: 'rtb-1', GatewayId: 'igw-123' }),
        aws('AWS::EKS::Nodegroup', 'ng-1', { Subnets: ['subnet-1'] }),
      ],
    });
    expect(statusOf(run(rule, inv), 'ng-1')).toBe('fail');
  });

  it('is unknown when the subnets are not in the sources', () => {
    expect(statusOf(run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3)] })), 'Ng')).toBe('unknown');
  });
});

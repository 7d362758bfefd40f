import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleEnv, resourcesOf, type Synthesized, synth } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
beforeAll(async () => {
  [test, prod] = await Promise.all([synth(await exampleEnv('test')), synth(await exampleEnv('prod'))]);
});

describe('network', () => {
  it('spans the configured zones with one NAT gateway in test and one per zone in prod', () => {
    test.template.resourceCountIs('AWS::EC2::NatGateway', 1);
    prod.template.resourceCountIs('AWS::EC2::NatGateway', 3);
    const zones = (s: Synthesized) =>
      [
        ...new Set(resourcesOf(s.template, 'AWS::EC2::Subnet').map(([, r]) => String(r.Properties?.AvailabilityZone))),
      ].sort();
    expect(zones(test)).toEqual(['us-east-1a', 'us-east-1b']);
    expect(zones(prod)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('creates endpoints for ECR api and dkr, S3 (gateway), Logs, STS and Secrets Manager', () => {
    for (const s of [test, prod]) {
      const names = resourcesOf(s.template, 'AWS::EC2::VPCEndpoint').map(([, r]) =>
        JSON.stringify(r.Properties?.ServiceName),
      );
      for (const svc of ['ecr.api', 'ecr.dkr', '.s3', '.logs', '.sts', '.secretsmanager']) {
        expect(
          names.some((n) => n.includes(svc)),
          svc,
        ).toBe(true);
      }
      s.template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        ServiceName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      });
    }
  });

  it('does not give public subnets public IPs on launch and keeps flow logs with the environment retention', () => {
    prod.template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/slipway/shop-prod/vpc-flow-logs',
      RetentionInDays: 60,
    });
  });
});

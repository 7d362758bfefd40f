import type { AwsResource } from '../../../src/inventory/types.js';
import { aws } from '../helpers.js';

/** A CDK-shaped VPC: one public and one private subnet per zone, with their route tables and routes. */
export function vpc(zones: number, opts: { literalZones?: boolean } = {}): AwsResource[] {
  const out: AwsResource[] = [aws('AWS::EC2::InternetGateway', 'Igw', {})];
  for (let i = 0; i < zones; i++) {
    const az = opts.literalZones ? `us-east-1${'abc'[i]}` : { 'Fn::Select': [i, { 'Fn::GetAZs': '' }] };
    for (const type of ['Public', 'Private'] as const) {
      const id = `${type}Subnet${i + 1}`;
      out.push(
        aws('AWS::EC2::Subnet', id, {
          AvailabilityZone: az,
          MapPublicIpOnLaunch: type === 'Public',
          Tags: [{ Key: 'aws-cdk:subnet-type', Value: type }],
        }),
        aws('AWS::EC2::RouteTable', `${id}RouteTable`, {}),
        aws('AWS::EC2::SubnetRouteTableAssociation', `${id}Assoc`, {
          RouteTableId: { Ref: `${id}RouteTable` },
          SubnetId: { Ref: id },
        }),
        aws('AWS::EC2::Route', `${id}DefaultRoute`, {
          RouteTableId: { Ref: `${id}RouteTable` },
          DestinationCidrBlock: '0.0.0.0/0',
          ...(type === 'Public' ? { GatewayId: { Ref: 'Igw' } } : { NatGatewayId: { Ref: `Nat${i + 1}` } }),
        }),
      );
    }
  }
  return out;
}

export function nodegroup(
  id: string,
  subnets: string[],
  scaling: { MinSize: unknown; DesiredSize?: unknown; MaxSize: unknown } = { MinSize: 3, DesiredSize: 3, MaxSize: 6 },
): AwsResource {
  return aws('AWS::EKS::Nodegroup', id, {
    ClusterName: { Ref: 'Cluster' },
    Subnets: subnets.map((s) => ({ Ref: s })),
    ScalingConfig: scaling,
    CapacityType: 'ON_DEMAND',
  });
}

export const PRIVATE3 = ['PrivateSubnet1', 'PrivateSubnet2', 'PrivateSubnet3'];

/** A launch template as the platform writes it (IMDSv2, hop limit 1, encrypted gp3 root); `data` replaces keys. */
export function launchTemplate(id: string, data: Record<string, unknown> = {}): AwsResource {
  return aws('AWS::EC2::LaunchTemplate', id, {
    LaunchTemplateData: {
      MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/xvda',
          Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 50, DeleteOnTermination: true },
        },
      ],
      ...data,
    },
  });
}

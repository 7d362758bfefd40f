import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as ec2 from './cdk/aws-ec2.js';
import * as logs from './cdk/aws-logs.js';
import { Tags, Validations } from './cdk/core.js';
import { removalPolicyOf } from './removal-policy.js';

export interface NetworkProps {
  readonly env: EnvironmentConfig;
}

/** Tag on the VPC naming its cluster; the load balancer controller finds the VPC by it. */
export const VPC_CLUSTER_TAG = 'slipway.io/cluster';

/** Interface endpoints created when `network.vpcEndpoints` is on (S3 is a gateway endpoint). */
export const INTERFACE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'logs', 'sts', 'secretsmanager'] as const;

/**
 * The VPC: a public and a private subnet per configured zone, NAT per zone
 * (prod) or one (test), flow logs, and endpoints so image pulls, logs and
 * secrets do not pay NAT charges. Nodes are placed only in the private subnets.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly endpoints: string[] = [];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { env } = props;
    const zones = [...env.availabilityZones];
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(env.network.vpcCidr),
      availabilityZones: zones,
      natGateways: env.network.natGateways === 'perAz' ? zones.length : 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 19 },
      ],
      restrictDefaultSecurityGroup: false,
    });

    Validations.of(this.vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'Zones come from the config on purpose: synthesis is offline and identical on every machine.',
    });
    Tags.of(this.vpc).add(VPC_CLUSTER_TAG, env.clusterName, { includeResourceTypes: ['AWS::EC2::VPC'] });

    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      logGroupName: `/slipway/${env.clusterName}/vpc-flow-logs`,
      retention: env.logs.retentionDays as logs.RetentionDays,
      removalPolicy: removalPolicyOf(env.logs.removalPolicy),
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });

    if (env.network.vpcEndpoints) {
      this.vpc.addGatewayEndpoint('S3', {
        service: ec2.GatewayVpcEndpointAwsService.S3,
        subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      });
      this.endpoints.push('s3 (gateway)');
      const services: Record<(typeof INTERFACE_ENDPOINTS)[number], ec2.InterfaceVpcEndpointAwsService> = {
        'ecr.api': ec2.InterfaceVpcEndpointAwsService.ECR,
        'ecr.dkr': ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
        logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
        sts: ec2.InterfaceVpcEndpointAwsService.STS,
        secretsmanager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      };
      // One security group for the interface endpoints: HTTPS from inside the VPC only.
      const endpointSg = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
        vpc: this.vpc,
        description: 'HTTPS from the VPC to the AWS service endpoints',
        allowAllOutbound: false,
      });
      endpointSg.addIngressRule(ec2.Peer.ipv4(env.network.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
      for (const name of INTERFACE_ENDPOINTS) {
        this.vpc.addInterfaceEndpoint(endpointId(name), {
          service: services[name],
          privateDnsEnabled: true,
          open: false,
          securityGroups: [endpointSg],
          subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        });
        this.endpoints.push(name);
      }
    }
  }
}

function endpointId(name: string): string {
  return name
    .split('.')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

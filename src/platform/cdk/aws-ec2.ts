import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-ec2';

export type * from 'aws-cdk-lib/aws-ec2';

// aws-cdk-lib/aws-ec2 loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-ec2');

export const BlockDeviceVolume = m.BlockDeviceVolume;
export type BlockDeviceVolume = T.BlockDeviceVolume;
export const EbsDeviceVolumeType = m.EbsDeviceVolumeType;
export type EbsDeviceVolumeType = T.EbsDeviceVolumeType;
export const FlowLogDestination = m.FlowLogDestination;
export type FlowLogDestination = T.FlowLogDestination;
export const FlowLogTrafficType = m.FlowLogTrafficType;
export type FlowLogTrafficType = T.FlowLogTrafficType;
export const GatewayVpcEndpointAwsService = m.GatewayVpcEndpointAwsService;
export type GatewayVpcEndpointAwsService = T.GatewayVpcEndpointAwsService;
export const InstanceType = m.InstanceType;
export type InstanceType = T.InstanceType;
export const InterfaceVpcEndpointAwsService = m.InterfaceVpcEndpointAwsService;
export type InterfaceVpcEndpointAwsService = T.InterfaceVpcEndpointAwsService;
export const IpAddresses = m.IpAddresses;
export type IpAddresses = T.IpAddresses;
export const LaunchTemplate = m.LaunchTemplate;
export type LaunchTemplate = T.LaunchTemplate;
export const LaunchTemplateHttpTokens = m.LaunchTemplateHttpTokens;
export type LaunchTemplateHttpTokens = T.LaunchTemplateHttpTokens;
export const Peer = m.Peer;
export type Peer = T.Peer;
export const Port = m.Port;
export type Port = T.Port;
export const SecurityGroup = m.SecurityGroup;
export type SecurityGroup = T.SecurityGroup;
export const SubnetType = m.SubnetType;
export type SubnetType = T.SubnetType;
export const Vpc = m.Vpc;
export type Vpc = T.Vpc;

import type { PodIdentityStatement } from './pod-identity-role.js';

export interface KarpenterPolicyProps {
  readonly clusterName: string;
  readonly region: string;
  readonly account: string;
  readonly clusterArn: string;
  readonly nodeRoleArn: string;
  readonly queueArn: string;
}

/**
 * The Karpenter controller's permissions, scoped the way its upstream
 * reference policy is: it may launch only instances it tags as this
 * cluster's (and a NodePool's), and tag, terminate or delete only what
 * carries those tags; instance profiles likewise; describe calls are
 * limited to the region. The actions are those of the getting-started
 * CloudFormation template of the locked Karpenter release (1.12).
 */
export function karpenterStatements(p: KarpenterPolicyProps): PodIdentityStatement[] {
  const ec2 = (res: string) => `arn:aws:ec2:${p.region}:${p.account}:${res}`;
  const owned = `kubernetes.io/cluster/${p.clusterName}`;
  const launched = [
    'fleet/*',
    'instance/*',
    'volume/*',
    'network-interface/*',
    'launch-template/*',
    'spot-instances-request/*',
  ].map(ec2);
  const requestTags = {
    StringEquals: { [`aws:RequestTag/${owned}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': p.clusterName },
    StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
  };
  const resourceTags = {
    StringEquals: { [`aws:ResourceTag/${owned}`]: 'owned' },
    StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
  };
  const profiles = [`arn:aws:iam::${p.account}:instance-profile/*`];
  const profileRequestTags = {
    StringEquals: {
      [`aws:RequestTag/${owned}`]: 'owned',
      'aws:RequestTag/eks:eks-cluster-name': p.clusterName,
      'aws:RequestTag/topology.kubernetes.io/region': p.region,
    },
    StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
  };
  const profileResourceTags = {
    StringEquals: {
      [`aws:ResourceTag/${owned}`]: 'owned',
      'aws:ResourceTag/topology.kubernetes.io/region': p.region,
    },
    StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
  };
  return [
    {
      actions: ['ec2:RunInstances', 'ec2:CreateFleet'],
      resources: [
        `arn:aws:ec2:${p.region}::image/*`,
        `arn:aws:ec2:${p.region}::snapshot/*`,
        ec2('security-group/*'),
        ec2('subnet/*'),
        ec2('capacity-reservation/*'),
      ],
    },
    {
      actions: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
      resources: launched,
      conditions: requestTags,
    },
    {
      actions: ['ec2:RunInstances', 'ec2:CreateFleet'],
      resources: [ec2('launch-template/*')],
      conditions: resourceTags,
    },
    {
      actions: ['ec2:CreateTags'],
      resources: launched,
      conditions: {
        ...requestTags,
        StringEquals: {
          ...requestTags.StringEquals,
          'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'],
        },
      },
    },
    {
      actions: ['ec2:CreateTags'],
      resources: [ec2('instance/*')],
      conditions: {
        ...resourceTags,
        StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': p.clusterName },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
      },
    },
    {
      actions: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
      resources: [ec2('instance/*'), ec2('launch-template/*')],
      conditions: resourceTags,
    },
    {
      actions: [
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeCapacityReservations',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceStatus',
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribePlacementGroups',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSpotPriceHistory',
        'ec2:DescribeSubnets',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': p.region } },
    },
    { actions: ['pricing:GetProducts'], resources: ['*'] },
    {
      actions: ['iam:PassRole'],
      resources: [p.nodeRoleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    },
    { actions: ['iam:CreateInstanceProfile'], resources: profiles, conditions: profileRequestTags },
    {
      actions: ['iam:TagInstanceProfile'],
      resources: profiles,
      conditions: {
        StringEquals: { ...profileResourceTags.StringEquals, ...profileRequestTags.StringEquals },
        StringLike: { ...profileResourceTags.StringLike, ...profileRequestTags.StringLike },
      },
    },
    {
      actions: ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
      resources: profiles,
      conditions: profileResourceTags,
    },
    // ListInstanceProfiles (needed since Karpenter 1.10) is limited to the account's instance profiles.
    { actions: ['iam:GetInstanceProfile', 'iam:ListInstanceProfiles'], resources: profiles },
    { actions: ['ssm:GetParameter'], resources: [`arn:aws:ssm:${p.region}::parameter/aws/service/*`] },
    { actions: ['eks:DescribeCluster'], resources: [p.clusterArn] },
    { actions: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], resources: [p.queueArn] },
  ];
}

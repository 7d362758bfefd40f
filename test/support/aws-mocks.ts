import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-dlm';
import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeImageScanFindingsCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribePodIdentityAssociationCommand,
  EKSClient,
  ListAddonsCommand,
  ListInsightsCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { MetadataBearer } from '@smithy/types';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';

/** Fake credentials and no instance metadata: no test can reach a real AWS endpoint or 169.254.169.254. */
export function isolateAwsEnv(): void {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKEFAKE';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret';
  process.env.AWS_REGION = 'us-east-1';
  delete process.env.AWS_PROFILE;
}

export const ACCOUNT = '123456789012';
export const CLUSTER = 'shop-prod';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/shop-prod-orders`;
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/orders-sqs`;
export const ECR_IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop/orders:1.4.0`;

type Stub = AwsStub<object, MetadataBearer, object>;

export interface AccountMocks {
  readonly stubs: Stub[];
  readonly sts: Stub;
  readonly eks: Stub;
  readonly ec2: Stub;
  readonly ecr: Stub;
  readonly logs: Stub;
  readonly cloudwatch: Stub;
  readonly iam: Stub;
  readonly backup: Stub;
  readonly dlm: Stub;
  readonly secrets: Stub;
  restore(): void;
  /** Names of every command sent to any client. */
  commandNames(): string[];
}

const doc = (o: unknown) => encodeURIComponent(JSON.stringify(o));

/** A mocked account holding a three-zone production cluster. */
export function mockAccount(): AccountMocks {
  const sts = mockClient(STSClient) as unknown as Stub;
  const eks = mockClient(EKSClient) as unknown as Stub;
  const ec2 = mockClient(EC2Client) as unknown as Stub;
  const ecr = mockClient(ECRClient) as unknown as Stub;
  const logs = mockClient(CloudWatchLogsClient) as unknown as Stub;
  const cw = mockClient(CloudWatchClient) as unknown as Stub;
  const iam = mockClient(IAMClient) as unknown as Stub;
  const backup = mockClient(BackupClient) as unknown as Stub;
  const dlm = mockClient(DLMClient) as unknown as Stub;
  const sm = mockClient(SecretsManagerClient) as unknown as Stub;

  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/verifier` });
  eks.on(DescribeClusterCommand).resolves({
    cluster: {
      name: CLUSTER,
      arn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/${CLUSTER}`,
      version: '1.34',
      status: 'ACTIVE',
      resourcesVpcConfig: {
        vpcId: 'vpc-1',
        subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
      },
      logging: {
        clusterLogging: [
          { types: ['api', 'audit'], enabled: true },
          { types: ['scheduler'], enabled: false },
        ],
      },
    },
  });
  eks.on(ListInsightsCommand).resolves({ insights: [] });
  eks.on(ListNodegroupsCommand).resolves({ nodegroups: ['on-demand'] });
  eks.on(DescribeNodegroupCommand).resolves({
    nodegroup: {
      clusterName: CLUSTER,
      nodegroupName: 'on-demand',
      nodegroupArn: `arn:aws:eks:us-east-1:${ACCOUNT}:nodegroup/${CLUSTER}/on-demand/x`,
      capacityType: 'ON_DEMAND',
      instanceTypes: ['m6i.large'],
      subnets: ['subnet-a', 'subnet-b', 'subnet-c'],
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
      status: 'ACTIVE',
    },
  });
  eks.on(ListAddonsCommand).resolves({ addons: ['amazon-cloudwatch-observability'] });
  eks.on(DescribeAddonCommand).resolves({
    addon: {
      addonName: 'amazon-cloudwatch-observability',
      clusterName: CLUSTER,
      addonVersion: 'v4.1.0',
      status: 'DEGRADED',
    },
  });
  eks.on(ListPodIdentityAssociationsCommand).resolves({
    associations: [{ associationId: 'a-1', namespace: 'shop', serviceAccount: 'orders' }],
  });
  eks.on(DescribePodIdentityAssociationCommand).resolves({
    association: {
      associationArn: `arn:aws:eks:us-east-1:${ACCOUNT}:podidentityassociation/${CLUSTER}/a-1`,
      associationId: 'a-1',
      namespace: 'shop',
      serviceAccount: 'orders',
      roleArn: ROLE_ARN,
    },
  });
  ec2.on(DescribeSubnetsCommand).resolves({
    Subnets: [
      { SubnetId: 'subnet-a', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: false },
      { SubnetId: 'subnet-b', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1b', MapPublicIpOnLaunch: false },
      { SubnetId: 'subnet-c', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1c', MapPublicIpOnLaunch: false },
      { SubnetId: 'subnet-pub', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: true },
    ],
  });
  ec2.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [
      {
        RouteTableId: 'rtb-private',
        VpcId: 'vpc-1',
        Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }, { SubnetId: 'subnet-c' }],
        Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }],
      },
      {
        RouteTableId: 'rtb-public',
        VpcId: 'vpc-1',
        Associations: [{ SubnetId: 'subnet-pub' }, { Main: true }],
        Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }],
      },
    ],
  });
  ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [
      {
        VolumeId: 'vol-1',
        VolumeType: 'gp2',
        Size: 20,
        State: 'available',
        AvailabilityZone: 'us-east-1a',
        Attachments: [],
      },
    ],
  });
  ecr.on(DescribeRepositoriesCommand).resolves({
    repositories: [
      {
        repositoryName: 'shop/orders',
        registryId: ACCOUNT,
        repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/shop/orders`,
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      },
    ],
  });
  ecr.on(GetRegistryScanningConfigurationCommand).resolves({ scanningConfiguration: { scanType: 'BASIC', rules: [] } });
  ecr.on(DescribeImageScanFindingsCommand).resolves({
    imageScanStatus: { status: 'COMPLETE' },
    imageScanFindings: { findingSeverityCounts: { CRITICAL: 2, HIGH: 1 } },
  });
  logs.on(DescribeLogGroupsCommand).resolves({
    logGroups: [{ logGroupName: `/aws/containerinsights/${CLUSTER}/application`, retentionInDays: 30 }],
  });
  cw.on(DescribeAlarmsCommand).resolves({
    MetricAlarms: [
      { AlarmName: 'node-cpu', AlarmArn: 'arn:alarm:node-cpu', MetricName: 'node_cpu_utilization', Threshold: 80 },
    ],
  });
  iam.on(GetRoleCommand).resolves({
    Role: {
      RoleName: 'shop-prod-orders',
      Arn: ROLE_ARN,
      Path: '/',
      RoleId: 'r',
      CreateDate: new Date(0),
      AssumeRolePolicyDocument: doc({ Statement: [{ Principal: { Service: 'pods.eks.amazonaws.com' } }] }),
    },
  });
  iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ['inline'] });
  iam.on(GetRolePolicyCommand).resolves({
    RoleName: 'shop-prod-orders',
    PolicyName: 'inline',
    PolicyDocument: doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
  });
  iam
    .on(ListAttachedRolePoliciesCommand)
    .resolves({ AttachedPolicies: [{ PolicyName: 'orders-sqs', PolicyArn: POLICY_ARN }] });
  iam.on(GetPolicyCommand).resolves({ Policy: { PolicyName: 'orders-sqs', Arn: POLICY_ARN, DefaultVersionId: 'v2' } });
  iam.on(GetPolicyVersionCommand).resolves({
    PolicyVersion: {
      Document: doc({ Statement: [{ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: 'arn:q' }] }),
    },
  });
  backup
    .on(ListBackupPlansCommand)
    .resolves({ BackupPlansList: [{ BackupPlanId: 'p-1', BackupPlanArn: 'arn:plan:p-1' }] });
  backup.on(GetBackupPlanCommand).resolves({
    BackupPlan: {
      BackupPlanName: 'daily',
      Rules: [
        {
          RuleName: 'daily',
          TargetBackupVaultName: 'v',
          ScheduleExpression: 'cron(0 3 * * ? *)',
          Lifecycle: { DeleteAfterDays: 30 },
        },
      ],
    },
  });
  backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [{ SelectionId: 's-1' }] });
  backup.on(GetBackupSelectionCommand).resolves({
    BackupSelection: {
      SelectionName: 'ebs',
      IamRoleArn: 'arn:role',
      ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
    },
  });
  dlm.on(GetLifecyclePoliciesCommand).resolves({ Policies: [] });
  dlm.on(GetLifecyclePolicyCommand).resolves({});
  sm.on(ListSecretsCommand).resolves({ SecretList: [{ Name: 'EKS/prod/orders', ARN: 'arn:secret:orders' }] });

  const stubs = [sts, eks, ec2, ecr, logs, cw, iam, backup, dlm, sm];
  return {
    stubs,
    sts,
    eks,
    ec2,
    ecr,
    logs,
    cloudwatch: cw,
    iam,
    backup,
    dlm,
    secrets: sm,
    restore: () => {
      for (const s of stubs) s.restore();
    },
    commandNames: () => stubs.flatMap((s) => s.calls().map((c) => (c.args[0] as object).constructor.name)),
  };
}

import { DescribeNodegroupCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AWS_TYPE_ACTIONS, actionsFor, isReadOnlyAction, supportedAwsTypes } from '../../../src/aws/access-table.js';
import { AwsClients } from '../../../src/aws/clients.js';
import { parseEcrImage } from '../../../src/aws/ecr-image.js';
import { collectAws } from '../../../src/inventory/sources/live-aws/collect.js';
import { type AccountMocks, CLUSTER, ECR_IMAGE, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';

beforeAll(isolateAwsEnv);
let mocks: AccountMocks | undefined;
afterEach(() => mocks?.restore());

const run = (types: string[]) =>
  collectAws({
    types,
    clusterName: CLUSTER,
    secretsPath: 'EKS/prod',
    images: [ECR_IMAGE, 'nginx:1.27'],
    clients: new AwsClients({ region: 'us-east-1' }),
  });

describe('live AWS source', () => {
  it('maps node groups to AWS::EKS::Nodegroup with CloudFormation property shapes', async () => {
    mocks = mockAccount();
    const out = await run(['AWS::EKS::Nodegroup']);
    expect(out.resources).toHaveLength(1);
    const ng = out.resources[0];
    expect(ng.type).toBe('AWS::EKS::Nodegroup');
    expect(ng.properties).toMatchObject({
      CapacityType: 'ON_DEMAND',
      InstanceTypes: ['m6i.large'],
      Subnets: ['subnet-a', 'subnet-b', 'subnet-c'],
      ScalingConfig: { MinSize: 3, DesiredSize: 3, MaxSize: 6 },
    });
    expect(ng.source).toEqual({ account: '123456789012', region: 'us-east-1' });
    expect([...out.types]).toEqual(['AWS::EKS::Nodegroup']);
  });

  it('marks subnets private when their route table has no internet gateway route', async () => {
    mocks = mockAccount();
    const out = await run(['AWS::EC2::Subnet']);
    const priv = Object.fromEntries(out.resources.map((s) => [s.id, s.live?.private]));
    expect(priv).toEqual({ 'subnet-a': true, 'subnet-b': true, 'subnet-c': true, 'subnet-pub': false });
    expect(out.resources.find((s) => s.id === 'subnet-a')?.properties.AvailabilityZone).toBe('us-east-1a');
  });

  it('reads route table associations and the registry scanning configuration in template shapes', async () => {
    mocks = mockAccount();
    const out = await run(['AWS::EC2::SubnetRouteTableAssociation', 'AWS::ECR::RegistryScanningConfiguration']);
    const assoc = out.resources.filter((r) => r.type === 'AWS::EC2::SubnetRouteTableAssociation');
    expect(assoc.map((a) => `${a.properties.SubnetId}->${a.properties.RouteTableId}`).sort()).toEqual([
      'subnet-a->rtb-private',
      'subnet-b->rtb-private',
      'subnet-c->rtb-private',
      'subnet-pub->rtb-public',
    ]);
    expect(out.resources.filter((r) => r.type === 'AWS::EC2::RouteTable').map((r) => r.id)).toEqual([
      'rtb-private',
      'rtb-public',
    ]);
    const reg = out.resources.find((r) => r.type === 'AWS::ECR::RegistryScanningConfiguration');
    expect(reg?.properties).toEqual({ ScanType: 'BASIC', Rules: [] });
  });

  it('reads add-on status, log retention, ECR scan settings and findings of deployed images', async () => {
    mocks = mockAccount();
    const out = await run(['AWS::EKS::Addon', 'AWS::Logs::LogGroup', 'AWS::ECR::Repository', 'AWS::EC2::Volume']);
    const byType = (t: string) => out.resources.filter((r) => r.type === t);
    expect(byType('AWS::EKS::Addon')[0].live?.status).toBe('DEGRADED');
    expect(byType('AWS::Logs::LogGroup')[0].properties.RetentionInDays).toBe(30);
    const repo = byType('AWS::ECR::Repository')[0];
    expect(repo.properties).toMatchObject({
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE',
    });
    expect(repo.live?.imageFindings).toEqual({
      [ECR_IMAGE]: { status: 'COMPLETE', severityCounts: { CRITICAL: 2, HIGH: 1 } },
    });
    expect(byType('AWS::EC2::Volume')[0]).toMatchObject({
      properties: { VolumeType: 'gp2' },
      live: { attached: false },
    });
  });

  it('follows Pod Identity associations to roles with decoded inline and managed policies', async () => {
    mocks = mockAccount();
    const out = await run(['AWS::EKS::PodIdentityAssociation', 'AWS::IAM::Role', 'AWS::IAM::ManagedPolicy']);
    const assoc = out.resources.find((r) => r.type === 'AWS::EKS::PodIdentityAssociation');
    const role = out.resources.find((r) => r.type === 'AWS::IAM::Role');
    expect(assoc?.properties).toMatchObject({ Namespace: 'shop', ServiceAccount: 'orders', RoleArn: role?.id });
    expect(role?.properties.Policies).toEqual([
      {
        PolicyName: 'inline',
        PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      },
    ]);
    const managed = out.resources.find((r) => r.type === 'AWS::IAM::ManagedPolicy');
    expect(role?.properties.ManagedPolicyArns).toEqual([managed?.id]);
  });

  it('makes a type unknown and names the missing permission when access is denied', async () => {
    mocks = mockAccount();
    mocks.eks
      .on(DescribeNodegroupCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }));
    const out = await run(['AWS::EKS::Nodegroup', 'AWS::EKS::Cluster']);
    expect(out.denied.get('AWS::EKS::Nodegroup')).toBe('AccessDenied: eks:DescribeNodegroup');
    expect(out.resources.some((r) => r.type === 'AWS::EKS::Nodegroup')).toBe(false);
    expect(out.types.has('AWS::EKS::Cluster')).toBe(true);
  });

  it('makes every AWS fact unknown with one note when there are no credentials', async () => {
    mocks = mockAccount();
    mocks.sts
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      );
    const out = await run(['AWS::EKS::Nodegroup', 'AWS::Logs::LogGroup']);
    expect(out.resources).toEqual([]);
    expect([...out.denied.keys()].sort()).toEqual(['AWS::EKS::Nodegroup', 'AWS::Logs::LogGroup']);
    expect(out.denied.get('AWS::Logs::LogGroup')).toMatch(/^no AWS credentials/);
    expect(out.notes).toHaveLength(1);
    expect(mocks.commandNames()).toEqual(['GetCallerIdentityCommand']);
  });

  it('says the credentials were rejected when AWS refuses them, not that there are none', async () => {
    mocks = mockAccount();
    mocks.sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('The security token included in the request is invalid.'), {
        name: 'InvalidClientTokenId',
      }),
    );
    const out = await run(['AWS::EKS::Nodegroup']);
    expect(out.denied.get('AWS::EKS::Nodegroup')).toMatch(/^AWS rejected the credentials/);
    expect(out.notes[0]).toMatch(/AWS rejected the credentials .*Check or renew them/);
    expect(out.notes[0]).not.toMatch(/no usable/);
  });

  it('calls only the services the requested types need', async () => {
    mocks = mockAccount();
    await run(['AWS::Logs::LogGroup']);
    expect(new Set(mocks.commandNames())).toEqual(new Set(['GetCallerIdentityCommand', 'DescribeLogGroupsCommand']));
  });

  it('sends only Describe, List and Get calls, each listed in the access table', async () => {
    mocks = mockAccount();
    const types = supportedAwsTypes();
    const out = await run(types);
    expect(out.denied.size).toBe(0);
    const names = mocks.commandNames();
    expect(names.length).toBeGreaterThan(15);
    for (const n of names) expect(n).toMatch(/^(Describe|List|Get)[A-Za-z]+Command$/);
    const allowed = new Set(actionsFor(types));
    for (const a of out.calls) expect(allowed.has(a), a).toBe(true);
    for (const actions of Object.values(AWS_TYPE_ACTIONS))
      for (const a of actions) expect(isReadOnlyAction(a)).toBe(true);
    expect(names).not.toContain('GetSecretValueCommand');
  });
});

describe('ECR image references', () => {
  it('parses tags and digests and ignores other registries', () => {
    expect(parseEcrImage(ECR_IMAGE)).toMatchObject({ repository: 'shop/orders', tag: '1.4.0', region: 'us-east-1' });
    expect(parseEcrImage('nginx:1.27')).toBeUndefined();
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseEcrImage(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${digest}`)).toMatchObject({
      digest,
      tag: undefined,
    });
  });
});

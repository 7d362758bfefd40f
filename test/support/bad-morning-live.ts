import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
} from '@aws-sdk/client-ecr';
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribePodIdentityAssociationCommand,
  EKSClient,
  ListAddonsCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { MetadataBearer } from '@smithy/types';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { AwsClients } from '../../src/aws/clients.js';
import type { EcrRepositoryFact, LoadBalancerFact } from '../../src/ops/common/aws-facts.js';
import type { AddonFact } from '../../src/ops/status/types.js';
import {
  BUILTIN_RESOURCES,
  CRD_RESOURCES,
  type FakeKubeOptions,
  type FakeKubeServer,
  type FakePodLog,
  METRICS_RESOURCES,
  startFakeKubeServer,
} from './fake-kube-server.js';
import { badMorningAws, badMorningKube, badMorningLogs } from './ops-fixtures.js';

/** Kinds the bad-morning cluster serves beyond the built-in set: EndpointSlice, SecretStore. */
export const BAD_MORNING_RESOURCES = [
  ...BUILTIN_RESOURCES,
  ...METRICS_RESOURCES,
  ...CRD_RESOURCES,
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', namespaced: true },
  { kind: 'SecretStore', group: 'external-secrets.io', version: 'v1beta1', plural: 'secretstores', namespaced: true },
];

/** The loopback fake API server holding the bad-morning cluster: its objects, its metrics and the previous logs. */
export function startBadMorningServer(options: Partial<FakeKubeOptions> = {}): Promise<FakeKubeServer> {
  const kube = badMorningKube();
  const logs: Record<string, FakePodLog> = {};
  for (const [key, text] of Object.entries(badMorningLogs().previous as Record<string, string>))
    logs[key] = { current: '', previous: text };
  return startFakeKubeServer({
    resources: BAD_MORNING_RESOURCES,
    objects: kube.objects as FakeKubeOptions['objects'],
    logs,
    serverVersion: kube.controlPlaneVersion,
    ...options,
  });
}

type Stub = AwsStub<object, MetadataBearer, object>;

export interface BadMorningAws {
  readonly clients: AwsClients;
  readonly stubs: readonly Stub[];
  /** The Elastic Load Balancing v2 client's stub (the ALB of the shop Ingress). */
  readonly elb: Stub;
  /** Every command sent to any mocked client, by name. */
  commandNames(): string[];
  restore(): void;
}

function awsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/**
 * The bad-morning account through aws-sdk-client-mock: the add-ons, ECR
 * repositories with images and scan findings, Secrets Manager metadata
 * (DescribeSecret only), Pod Identity associations, roles, the node group,
 * the EBS volume and the Container Insights log groups and error lines.
 */
export function mockBadMorningAws(): BadMorningAws {
  const aws = badMorningAws();
  const kube = badMorningKube();
  const logs = badMorningLogs();
  const eks = mockClient(EKSClient) as unknown as Stub;
  const ecr = mockClient(ECRClient) as unknown as Stub;
  const sm = mockClient(SecretsManagerClient) as unknown as Stub;
  const iam = mockClient(IAMClient) as unknown as Stub;
  const ec2 = mockClient(EC2Client) as unknown as Stub;
  const cwl = mockClient(CloudWatchLogsClient) as unknown as Stub;
  const elb = mockClient(ElasticLoadBalancingV2Client) as unknown as Stub;
  const stubs = [eks, ecr, sm, iam, ec2, cwl, elb];

  const version = /^v?(\d+\.\d+)/.exec(kube.controlPlaneVersion)?.[1];
  eks.on(DescribeClusterCommand).resolves({ cluster: { name: kube.cluster, version, status: 'ACTIVE' } });
  const addons = aws.addons as AddonFact[];
  eks.on(ListAddonsCommand).resolves({ addons: addons.map((a) => a.name) });
  for (const a of addons)
    eks.on(DescribeAddonCommand, { addonName: a.name }).resolves({
      addon: { addonName: a.name, addonVersion: a.version, status: a.status, health: { issues: a.issues } } as never,
    });
  const assocs = aws.podIdentityAssociations as {
    namespace: string;
    serviceAccount: string;
    roleArn: string;
    associationId: string;
  }[];
  eks.on(ListPodIdentityAssociationsCommand).resolves({ associations: assocs.map((a) => ({ ...a })) });
  for (const a of assocs)
    eks
      .on(DescribePodIdentityAssociationCommand, { associationId: a.associationId })
      .resolves({ association: { ...a } });
  const groups = aws.nodeGroups as { name: string; minSize: number; maxSize: number; desiredSize: number }[];
  eks.on(ListNodegroupsCommand).resolves({ nodegroups: groups.map((g) => g.name) });
  for (const g of groups)
    eks.on(DescribeNodegroupCommand, { nodegroupName: g.name }).resolves({
      nodegroup: {
        nodegroupName: g.name,
        scalingConfig: { minSize: g.minSize, maxSize: g.maxSize, desiredSize: g.desiredSize },
      },
    });

  const repos = aws.ecr as EcrRepositoryFact[];
  const existing = repos.filter((r): r is Extract<EcrRepositoryFact, { exists: true }> => r.exists);
  ecr.on(DescribeRepositoriesCommand).resolves({
    repositories: existing.map((r) => ({
      repositoryName: r.name,
      registryId: r.registry.split('.')[0],
      imageScanningConfiguration: { scanOnPush: r.scanOnPush },
      imageTagMutability: r.tagMutability as never,
    })),
  });
  ecr
    .on(DescribeImagesCommand)
    .callsFake((input: { repositoryName: string; imageIds?: { imageTag?: string; imageDigest?: string }[] }) => {
      const repo = existing.find((r) => r.name === input.repositoryName);
      if (!repo)
        throw awsError(
          'RepositoryNotFoundException',
          `The repository with name '${input.repositoryName}' does not exist`,
        );
      const matches = (id: { imageTag?: string; imageDigest?: string }) =>
        repo.images.filter((i) => (id.imageTag ? i.tags.includes(id.imageTag) : i.digest === id.imageDigest));
      if (input.imageIds?.some((id) => matches(id).length === 0))
        throw awsError('ImageNotFoundException', 'The image requested does not exist in the specified repository');
      const chosen = input.imageIds
        ? repo.images.filter((i) => input.imageIds?.some((id) => matches(id).includes(i)))
        : repo.images;
      return {
        imageDetails: chosen.map((i) => ({
          imageDigest: i.digest,
          imageTags: [...i.tags],
          imagePushedAt: i.pushedAt ? new Date(i.pushedAt) : undefined,
          imageSizeInBytes: i.sizeBytes,
          imageScanStatus: i.scan ? { status: i.scan.status } : undefined,
          imageScanFindingsSummary: i.scan ? { findingSeverityCounts: i.scan.findingCounts } : undefined,
        })),
      };
    });
  ecr
    .on(DescribeImageScanFindingsCommand)
    .callsFake((input: { repositoryName: string; imageId: { imageDigest?: string } }) => {
      const image = existing
        .find((r) => r.name === input.repositoryName)
        ?.images.find((i) => i.digest === input.imageId.imageDigest);
      if (!image?.scan) throw awsError('ScanNotFoundException', 'no scan found for the image');
      return {
        imageScanStatus: { status: image.scan.status },
        imageScanFindings: {
          findingSeverityCounts: image.scan.findingCounts,
          findings: (image.scan.criticalIds ?? []).map((name) => ({ name, severity: 'CRITICAL' })),
        },
      };
    });

  const secrets = aws.secretsManager as Record<string, { state: string; value?: Record<string, unknown> }>;
  sm.on(DescribeSecretCommand).callsFake((input: { SecretId: string }) => {
    const f = secrets[input.SecretId];
    if (f?.state !== 'read' || !f.value?.exists)
      throw awsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    const v = f.value as Record<string, string | boolean | undefined>;
    const date = (x: unknown) => (typeof x === 'string' ? new Date(x) : undefined);
    return {
      Name: v.name,
      ARN: v.arn,
      LastChangedDate: date(v.lastChangedDate),
      LastRotatedDate: date(v.lastRotatedDate),
      DeletedDate: date(v.deletedDate),
      RotationEnabled: v.rotationEnabled,
      KmsKeyId: v.kmsKeyId,
    };
  });

  const trust = encodeURIComponent(
    JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ],
    }),
  );
  iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => ({
    Role: {
      RoleName: input.RoleName,
      Arn: `arn:aws:iam::123456789012:role/${input.RoleName}`,
      AssumeRolePolicyDocument: trust,
    },
  }));
  iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
  iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });

  const volumes = aws.ebsVolumes as {
    volumeId: string;
    state: string;
    sizeGiB: number;
    type: string;
    availabilityZone: string;
    encrypted: boolean;
  }[];
  ec2.on(DescribeVolumesCommand).resolves({
    Volumes: volumes.map((v) => ({
      VolumeId: v.volumeId,
      State: v.state as never,
      Size: v.sizeGiB,
      VolumeType: v.type as never,
      AvailabilityZone: v.availabilityZone,
      Encrypted: v.encrypted,
    })),
  });

  mockLoadBalancers(elb, aws.loadBalancers as LoadBalancerFact[], kube.cluster);

  const logGroups = logs.logGroups as { name: string; retentionInDays?: number; storedBytes?: number }[];
  cwl.on(DescribeLogGroupsCommand).resolves({
    logGroups: logGroups.map((g) => ({
      logGroupName: g.name,
      retentionInDays: g.retentionInDays,
      storedBytes: g.storedBytes,
    })),
  });
  cwl.on(FilterLogEventsCommand).callsFake((input: { startTime?: number; endTime?: number }) => ({
    events: (logs.filteredEvents.events as { timestamp: number; message: string; logStreamName?: string }[]).filter(
      (e) =>
        (input.startTime === undefined || e.timestamp >= input.startTime) &&
        (input.endTime === undefined || e.timestamp <= input.endTime),
    ),
  }));

  return {
    clients: new AwsClients({ region: 'eu-west-1' }),
    stubs,
    elb,
    commandNames: () =>
      stubs.flatMap((s) => s.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name)),
    restore: () => {
      for (const s of stubs) s.restore();
    },
  };
}

/**
 * The fixture's ALBs as Elastic Load Balancing v2 answers them: one load
 * balancer per fact, tagged by the AWS Load Balancer Controller (the shop
 * Ingress's group `prod`), one target group per fact entry and its targets'
 * health (an unhealthy target carries the first reason).
 */
function mockLoadBalancers(elb: Stub, albs: readonly LoadBalancerFact[], cluster: string): void {
  const arn = (i: number) => `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-lb-${i}/${i}`;
  const tgArn = (i: number, j: number) =>
    `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-tg-${i}-${j}/${i}${j}`;
  elb.on(DescribeLoadBalancersCommand).resolves({
    LoadBalancers: albs.map((a, i) => ({
      LoadBalancerArn: arn(i),
      DNSName: a.dnsName,
      Scheme: a.scheme as never,
      State: { Code: a.state as never },
      Type: 'application',
    })),
  });
  elb.on(DescribeTagsCommand).callsFake((input: { ResourceArns: string[] }) => ({
    TagDescriptions: input.ResourceArns.map((r) => ({
      ResourceArn: r,
      Tags: [
        { Key: 'elbv2.k8s.aws/cluster', Value: cluster },
        { Key: 'ingress.k8s.aws/stack', Value: 'prod' },
        { Key: 'ingress.k8s.aws/resource', Value: 'LoadBalancer' },
      ],
    })),
  }));
  elb.on(DescribeTargetGroupsCommand).callsFake((input: { LoadBalancerArn: string }) => {
    const i = albs.findIndex((_, k) => arn(k) === input.LoadBalancerArn);
    return {
      TargetGroups: (albs[i]?.targetGroups ?? []).map((t, j) => ({
        TargetGroupArn: tgArn(i, j),
        TargetGroupName: t.name,
        LoadBalancerArns: [input.LoadBalancerArn],
      })),
    };
  });
  elb.on(DescribeTargetHealthCommand).callsFake((input: { TargetGroupArn: string }) => {
    for (const [i, a] of albs.entries())
      for (const [j, t] of (a.targetGroups ?? []).entries())
        if (tgArn(i, j) === input.TargetGroupArn)
          return {
            TargetHealthDescriptions: [
              ...Array.from({ length: t.healthy }, (_, n) => ({
                Target: { Id: `10.0.1.${n + 10}`, Port: 8080 },
                TargetHealth: { State: 'healthy' as const },
              })),
              ...Array.from({ length: t.unhealthy }, (_, n) => ({
                Target: { Id: `10.0.2.${n + 10}`, Port: 8080 },
                TargetHealth: {
                  State: 'unhealthy' as const,
                  Reason: t.unhealthyReasons?.[0] as never,
                  Description: 'Health checks failed with these codes: [500]',
                },
              })),
            ],
          };
    return { TargetHealthDescriptions: [] };
  });
}

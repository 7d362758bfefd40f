import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListRecoveryPointsByBackupVaultCommand } from '@aws-sdk/client-backup';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { DescribeImageScanFindingsCommand, DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { DescribeAddonVersionsCommand, DescribeInsightCommand, ListInsightsCommand } from '@aws-sdk/client-eks';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AWS_TYPE_ACTIONS, isReadOnlyAction } from '../../src/aws/access-table.js';
import { AwsClients } from '../../src/aws/clients.js';
import { AwsAccessDenied } from '../../src/aws/errors.js';
import { AwsReader } from '../../src/aws/read-context.js';
import { listRecoveryPointsByBackupVault } from '../../src/aws/readers/backup.js';
import { getMetricData } from '../../src/aws/readers/cloudwatch.js';
import { describeSnapshots } from '../../src/aws/readers/ec2.js';
import { describeImageScanFindings, describeImages } from '../../src/aws/readers/ecr.js';
import { describeAddonVersions, describeInsight, listInsights } from '../../src/aws/readers/eks.js';
import { filterLogEvents } from '../../src/aws/readers/logs.js';
import { describeSecret } from '../../src/aws/readers/secrets-manager.js';
import { verifierPolicy } from '../../src/aws/verifier-policy.js';
import { opsAccessUnion } from '../../src/ops/gather/access.js';
import { type AccountMocks, CLUSTER, isolateAwsEnv, mockAccount } from '../support/aws-mocks.js';

beforeAll(isolateAwsEnv);
let mocks: AccountMocks | undefined;
afterEach(() => mocks?.restore());

const READERS = resolve(import.meta.dirname, '../../src/aws/readers');
const reader = () => new AwsReader(new AwsClients({ region: 'us-east-1' }));

/** Every IAM action a reader file names in `aws.call('…')`. */
function actionsInReaders(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(READERS)) {
    for (const m of readFileSync(join(READERS, f), 'utf8').matchAll(/\.call\(\s*'([^']+)'/g)) out.add(m[1]);
  }
  return [...out].sort();
}

describe('AWS readers', () => {
  it('name only read-only actions, each listed in the access table or declared by a day-2 command', () => {
    const listed = new Set([...Object.values(AWS_TYPE_ACTIONS).flat(), ...opsAccessUnion().aws]);
    const actions = actionsInReaders();
    expect(actions.length).toBeGreaterThan(30);
    for (const a of actions) {
      expect(isReadOnlyAction(a), a).toBe(true);
      expect(listed.has(a), `${a} is not in the access table`).toBe(true);
    }
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
    for (const a of opsAccessUnion().aws) expect(isReadOnlyAction(a), a).toBe(true);
  });

  it('refuse a call that is not a read before sending it', async () => {
    const r = reader();
    let sent = false;
    await expect(
      r.call('eks:UpdateAddon', async () => {
        sent = true;
      }),
    ).rejects.toThrow(/refusing a non-read call: eks:UpdateAddon/);
    expect(sent).toBe(false);
    expect(r.calls).toEqual([]);
  });

  it('turn a refusal into AccessDenied naming the IAM action', async () => {
    mocks = mockAccount();
    mocks.eks.on(DescribeInsightCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const err = await describeInsight(reader(), CLUSTER, 'i-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsAccessDenied);
    expect((err as AwsAccessDenied).action).toBe('eks:DescribeInsight');
  });

  it('read EKS insights and the add-on versions offered for a Kubernetes version', async () => {
    mocks = mockAccount();
    mocks.eks
      .on(ListInsightsCommand)
      .resolvesOnce({ insights: [{ id: 'i-1', name: 'Deprecated APIs' }], nextToken: 't' })
      .resolvesOnce({ insights: [{ id: 'i-2', name: 'Kubelet skew' }] });
    mocks.eks.on(DescribeInsightCommand).resolves({ insight: { id: 'i-1', recommendation: 'move to v1' } });
    mocks.eks
      .on(DescribeAddonVersionsCommand, { addonName: 'vpc-cni', kubernetesVersion: '1.34' })
      .resolves({ addons: [{ addonName: 'vpc-cni', addonVersions: [{ addonVersion: 'v1.20.0-eksbuild.1' }] }] });
    const r = reader();
    expect((await listInsights(r, CLUSTER)).map((i) => i.id)).toEqual(['i-1', 'i-2']);
    expect((await describeInsight(r, CLUSTER, 'i-1'))?.recommendation).toBe('move to v1');
    const versions = await describeAddonVersions(r, 'vpc-cni', '1.34');
    expect(versions[0].addonVersions?.[0].addonVersion).toBe('v1.20.0-eksbuild.1');
    expect(r.calls).toEqual([
      'eks:ListInsights',
      'eks:ListInsights',
      'eks:DescribeInsight',
      'eks:DescribeAddonVersions',
    ]);
  });

  it('read ECR images and every page of an image scan, basic and enhanced findings together', async () => {
    mocks = mockAccount();
    mocks.ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [{ imageDigest: 'sha256:1', imageTags: ['1.4.0'], imageScanStatus: { status: 'COMPLETE' } }],
    });
    mocks.ecr
      .on(DescribeImageScanFindingsCommand)
      .resolvesOnce({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: {
          findingSeverityCounts: { CRITICAL: 2 },
          findings: [{ name: 'CVE-1', severity: 'CRITICAL' }],
        },
        nextToken: 'p2',
      })
      .resolvesOnce({
        imageScanFindings: {
          findings: [{ name: 'CVE-2', severity: 'CRITICAL' }],
          enhancedFindings: [{ packageVulnerabilityDetails: { vulnerabilityId: 'CVE-3' } }],
        },
      });
    const r = reader();
    const images = await describeImages(r, 'shop/orders', { imageIds: [{ imageTag: '1.4.0' }] });
    expect(images.map((i) => i.imageDigest)).toEqual(['sha256:1']);
    const scan = await describeImageScanFindings(r, { repositoryName: 'shop/orders', imageId: { imageTag: '1.4.0' } });
    expect(scan.imageScanStatus?.status).toBe('COMPLETE');
    expect(scan.imageScanFindings?.findingSeverityCounts).toEqual({ CRITICAL: 2 });
    expect(scan.imageScanFindings?.findings?.map((f) => f.name)).toEqual(['CVE-1', 'CVE-2']);
    expect(scan.imageScanFindings?.enhancedFindings).toHaveLength(1);
    expect(mocks.ecr.commandCalls(DescribeImageScanFindingsCommand)[1].args[0].input.nextToken).toBe('p2');
  });

  it('read CloudWatch Logs events up to a bound and say when more were left', async () => {
    mocks = mockAccount();
    const event = (n: number) => ({ message: `ERROR ${n}`, timestamp: n, logStreamName: 'shop/web' });
    mocks.logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [event(1), event(2)], nextToken: 'n1' })
      .resolvesOnce({ events: [event(3)], nextToken: 'n2' });
    const got = await filterLogEvents(reader(), {
      logGroupName: `/aws/containerinsights/${CLUSTER}/application`,
      filterPattern: '?ERROR',
      startTime: 1000,
      maxEvents: 3,
    });
    expect(got.events.map((e) => e.message)).toEqual(['ERROR 1', 'ERROR 2', 'ERROR 3']);
    expect(got.truncated).toBe(true);
    const sent = mocks.logs.commandCalls(FilterLogEventsCommand).map((c) => c.args[0].input);
    expect(sent.map((i) => i.limit)).toEqual([3, 1]);
    expect(sent[0]).toMatchObject({ filterPattern: '?ERROR', startTime: 1000 });
  });

  it('merge GetMetricData pages per query id', async () => {
    mocks = mockAccount();
    mocks.cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce({ MetricDataResults: [{ Id: 'cpu', Values: [1], Timestamps: [new Date(1)] }], NextToken: 'x' })
      .resolvesOnce({ MetricDataResults: [{ Id: 'cpu', Values: [2], Timestamps: [new Date(2)] }] });
    const got = await getMetricData(reader(), {
      queries: [{ Id: 'cpu', Expression: 'SELECT AVG(CPUUtilization) FROM "AWS/EC2"', Period: 300 }],
      start: new Date(0),
      end: new Date(3_600_000),
    });
    expect(got).toEqual([{ Id: 'cpu', Values: [1, 2], Timestamps: [new Date(1), new Date(2)] }]);
  });

  it("read this account's EBS snapshots, a vault's recovery points and a secret's metadata", async () => {
    mocks = mockAccount();
    mocks.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1' }] });
    mocks.backup
      .on(ListRecoveryPointsByBackupVaultCommand)
      .resolves({ RecoveryPoints: [{ RecoveryPointArn: 'arn:rp', Status: 'COMPLETED' }] });
    mocks.secrets.on(DescribeSecretCommand).resolves({ Name: 'EKS/prod/orders', RotationEnabled: true });
    const r = reader();
    const snaps = await describeSnapshots(r, [{ Name: 'volume-id', Values: ['vol-1'] }]);
    expect(snaps.map((x) => x.SnapshotId)).toEqual(['snap-1']);
    expect(mocks.ec2.commandCalls(DescribeSnapshotsCommand)[0].args[0].input.OwnerIds).toEqual(['self']);
    expect((await listRecoveryPointsByBackupVault(r, 'shop-prod'))[0].Status).toBe('COMPLETED');
    expect((await describeSecret(r, 'EKS/prod/orders')).RotationEnabled).toBe(true);
    expect(mocks.commandNames()).not.toContain('GetSecretValueCommand');
  });
});

describe('verifier policy for day-2 commands', () => {
  it('allows every ops action, keeps DescribeAddonVersions unscoped and refuses a write', () => {
    const { policy } = verifierPolicy(
      [],
      { clusterName: CLUSTER, region: 'us-east-1' },
      { extraActions: opsAccessUnion().aws },
    );
    const actions = policy.Statement.flatMap((s) => s.Action).sort();
    expect(actions).toEqual(opsAccessUnion().aws);
    const unscoped = policy.Statement.find((s) => s.Action.includes('eks:DescribeAddonVersions'));
    expect(unscoped?.Resource).toBe('*');
    const eks = policy.Statement.find((s) => s.Action.includes('eks:DescribeAddon'));
    expect(eks?.Resource).toContain(`arn:aws:eks:us-east-1:*:cluster/${CLUSTER}`);
    expect(() =>
      verifierPolicy([], { clusterName: CLUSTER, region: 'us-east-1' }, { extraActions: ['eks:UpdateAddon'] }),
    ).toThrow(/allows reads only; refused: eks:UpdateAddon/);
  });
});

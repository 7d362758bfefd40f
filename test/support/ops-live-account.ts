import { ListRecoveryPointsByBackupVaultCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { DescribeSubnetsCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { DescribeAddonVersionsCommand, DescribeInsightCommand, ListInsightsCommand } from '@aws-sdk/client-eks';
import { VERSION_LOCK } from '../../src/versions/lock.js';
import { type AccountMocks, mockAccount } from './aws-mocks.js';

/** Mocked account answers for the live analyses of the shop cluster (test/support/ops-live-cluster.ts). */

export const NOW = new Date('2026-12-03T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
export const PG_POINT = 'arn:aws:backup:us-east-1:123456789012:recovery-point:pg-1';

/** The cluster's subnets (one short of free IPs), add-on versions (vpc-cni not in the lock's), one failing insight. */
export function mockUpgradeAccount(): AccountMocks {
  const m = mockAccount();
  m.ec2.on(DescribeSubnetsCommand).resolves({
    Subnets: [
      { SubnetId: 'subnet-a', AvailableIpAddressCount: 3 },
      { SubnetId: 'subnet-b', AvailableIpAddressCount: 250 },
    ],
  });
  m.eks.on(DescribeAddonVersionsCommand).callsFake((input: { addonName: string; kubernetesVersion: string }) => ({
    addons: [
      {
        addonName: input.addonName,
        addonVersions: [
          {
            // vpc-cni is offered only in a version the lock does not name; every other add-on in the lock's.
            addonVersion:
              input.addonName === 'vpc-cni'
                ? 'v1.99.0-eksbuild.1'
                : VERSION_LOCK['1.35'].addons[input.addonName as keyof (typeof VERSION_LOCK)['1.35']['addons']],
            compatibilities: [{ clusterVersion: input.kubernetesVersion }],
          },
        ],
      },
    ],
  }));
  m.eks.on(ListInsightsCommand).resolves({
    insights: [
      {
        id: 'i-1',
        name: 'Deprecated APIs removed in Kubernetes v1.35',
        category: 'UPGRADE_READINESS',
        kubernetesVersion: '1.35',
        insightStatus: { status: 'ERROR', reason: 'Deprecated API usage detected within the last 30 days' },
      },
      {
        id: 'i-2',
        name: 'Kubelet version skew',
        category: 'UPGRADE_READINESS',
        kubernetesVersion: '1.35',
        insightStatus: { status: 'PASSING' },
      },
    ],
  });
  m.eks.on(DescribeInsightCommand).resolves({
    insight: {
      id: 'i-1',
      recommendation: 'Update manifests and API clients to use newer Kubernetes APIs',
      resources: [{ kubernetesResourceUri: '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas' }],
    },
  });
  return m;
}

/** vol-pg tagged for the daily plan, vol-old untagged; vol-pg's completed point `pointAgeHours` old and one restore. */
export function mockBackupAccount(pointAgeHours: number): AccountMocks {
  const m = mockAccount();
  m.ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [
      { VolumeId: 'vol-pg', VolumeType: 'gp3', Size: 100, Tags: [{ Key: 'backup', Value: 'daily' }] },
      { VolumeId: 'vol-old', VolumeType: 'gp2', Size: 50, Tags: [] },
    ],
  });
  m.backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({
    RecoveryPoints: [
      {
        RecoveryPointArn: PG_POINT,
        ResourceArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-pg',
        Status: 'COMPLETED',
        CreationDate: hoursAgo(pointAgeHours),
      },
      {
        RecoveryPointArn: 'arn:aws:backup:us-east-1:123456789012:recovery-point:pg-0',
        ResourceArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-pg',
        Status: 'PARTIAL',
        CreationDate: hoursAgo(1),
      },
    ],
  });
  m.backup.on(ListRestoreJobsCommand).resolves({
    RestoreJobs: [
      { RestoreJobId: 'r-1', RecoveryPointArn: PG_POINT, Status: 'COMPLETED', CreationDate: hoursAgo(5 * 24) },
    ],
  });
  return m;
}

import type { RecoveryPointByBackupVault } from '@aws-sdk/client-backup';
import { mapLimit } from '../../aws/paging.js';
import type { AwsReader } from '../../aws/read-context.js';
import { listRecoveryPointsByBackupVault, listRestoreJobs } from '../../aws/readers/backup.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { awsFact } from '../common/aws-read.js';
import { readLiveKinds } from '../common/live-kinds.js';
import { claimVolumeIds, ebsVolumesById } from '../common/live-volumes.js';
import type { VolumeFacts } from '../cost/facts.js';
import { type Fact, unknownFact } from '../facts.js';
import type { BackupPlanFacts, DrFacts, RecoveryFacts } from './facts.js';
import { liveBackupPlans } from './live-plans.js';
import { staticDrFacts } from './static-facts.js';

/** The kinds dr lists from the cluster. */
export const DR_KINDS = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'StatefulSet', 'ExternalSecret'];

export interface LiveDrOptions {
  readonly now?: Date;
  readonly pageSize?: number;
  /** Restore jobs older than this many days are not read; default 365. */
  readonly restoreJobDays?: number;
}

const HOUR = 3_600_000;

/** Each volume's latest completed recovery point and last restore job, from the vaults the plans write to. */
async function recoveryOf(
  aws: AwsReader,
  volumes: readonly VolumeFacts[],
  vaults: readonly string[],
  now: Date,
  restoreJobDays: number,
): Promise<RecoveryFacts[]> {
  const points = (await mapLimit(vaults, 2, (v) => listRecoveryPointsByBackupVault(aws, v))).flat();
  const jobs = await listRestoreJobs(aws, {
    resourceType: 'EBS',
    createdAfter: new Date(now.getTime() - restoreJobDays * 24 * HOUR),
  });
  const byVolume = new Map<string, RecoveryPointByBackupVault[]>();
  for (const p of points) {
    const id = p.ResourceArn?.split('/').pop();
    if (id) byVolume.set(id, [...(byVolume.get(id) ?? []), p]);
  }
  return volumes.flatMap((v) => {
    if (!v.volumeId) return [];
    const mine = byVolume.get(v.volumeId) ?? [];
    const completed = mine
      .filter((p) => p.Status === 'COMPLETED' && p.CreationDate)
      .map((p) => new Date(p.CreationDate as Date).getTime());
    const arns = new Set(mine.map((p) => p.RecoveryPointArn));
    const last = jobs
      .filter((j) => arns.has(j.RecoveryPointArn) && j.CreationDate)
      .sort((a, b) => new Date(b.CreationDate as Date).getTime() - new Date(a.CreationDate as Date).getTime())[0];
    return [
      {
        claim: v.claim,
        namespace: v.namespace,
        ...(completed.length ? { latestRecoveryPointAgeHours: (now.getTime() - Math.max(...completed)) / HOUR } : {}),
        ...(last
          ? {
              lastRestoreJob: {
                status: last.Status ?? 'UNKNOWN',
                ageDays: Math.floor((now.getTime() - new Date(last.CreationDate as Date).getTime()) / (24 * HOUR)),
              },
            }
          : {}),
      },
    ];
  });
}

/**
 * Disaster-recovery facts of a running environment: every claim with the
 * EBS volume behind its PersistentVolume and that volume's own tags, the
 * account's AWS Backup plans (tag conditions and resource ARNs) and DLM
 * policies, and per volume the age of its latest recovery point and its last
 * restore job. A refused kind or call is unknown with the reason.
 */
export async function liveDrFacts(
  conn: LiveConnection,
  env: EnvironmentConfig,
  options: LiveDrOptions = {},
): Promise<DrFacts> {
  const now = options.now ?? new Date();
  const { inventory: inv, unread } = await readLiveKinds(conn, DR_KINDS, { pageSize: options.pageSize });
  const base = staticDrFacts(env, inv);
  const ids = claimVolumeIds(inv);
  const [ebs, plans] = await Promise.all([
    awsFact(conn, 'EC2 DescribeVolumes', (aws) => ebsVolumesById(aws, [...ids.values()])),
    awsFact(conn, 'AWS Backup plans', liveBackupPlans),
  ]);
  const volumes = base.volumes.map((v) => {
    const volumeId = ids.get(`${v.namespace}/${v.claim}`);
    const found = volumeId && ebs.state === 'read' ? ebs.value.get(volumeId) : undefined;
    const tags = found ? Object.fromEntries((found.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])) : v.tags;
    return { ...v, ...(volumeId ? { volumeId } : {}), tags };
  });
  const vaults = plans.state === 'read' ? vaultsOf(plans.value) : [];
  const recovery: Fact<readonly RecoveryFacts[]> =
    plans.state === 'unknown'
      ? unknownFact(`recovery points: ${plans.reason}`)
      : await awsFact(conn, 'AWS Backup recovery points and restore jobs', (aws) =>
          recoveryOf(aws, volumes, vaults, now, options.restoreJobDays ?? 365),
        );
  return { ...base, volumes, plans, recovery, unread };
}

function vaultsOf(plans: readonly BackupPlanFacts[]): string[] {
  return [...new Set(plans.flatMap((p) => (p.vault ? [p.vault] : [])))].sort();
}

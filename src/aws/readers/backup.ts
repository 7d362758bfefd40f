import type {
  BackupPlan,
  BackupPlansListMember,
  BackupSelection,
  BackupSelectionsListMember,
  RecoveryPointByBackupVault,
  RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** ListBackupPlans: every plan's id and ARN. */
export async function listBackupPlans(aws: AwsReader): Promise<BackupPlansListMember[]> {
  const backup = await aws.clients.backup();
  const { ListBackupPlansCommand } = await import('@aws-sdk/client-backup');
  return allPages(
    (NextToken) => aws.call('backup:ListBackupPlans', () => backup.send(new ListBackupPlansCommand({ NextToken }))),
    (p) => p.BackupPlansList,
    (p) => p.NextToken,
  );
}

/** GetBackupPlan: rules, schedules and lifecycles. */
export async function getBackupPlan(aws: AwsReader, BackupPlanId: string): Promise<BackupPlan | undefined> {
  const backup = await aws.clients.backup();
  const { GetBackupPlanCommand } = await import('@aws-sdk/client-backup');
  const out = await aws.call('backup:GetBackupPlan', () => backup.send(new GetBackupPlanCommand({ BackupPlanId })));
  return out.BackupPlan;
}

/** ListBackupSelections of one plan. */
export async function listBackupSelections(
  aws: AwsReader,
  BackupPlanId: string,
): Promise<BackupSelectionsListMember[]> {
  const backup = await aws.clients.backup();
  const { ListBackupSelectionsCommand } = await import('@aws-sdk/client-backup');
  return allPages(
    (NextToken) =>
      aws.call('backup:ListBackupSelections', () =>
        backup.send(new ListBackupSelectionsCommand({ BackupPlanId, NextToken })),
      ),
    (p) => p.BackupSelectionsList,
    (p) => p.NextToken,
  );
}

/** GetBackupSelection: which resources and tags a plan backs up. */
export async function getBackupSelection(
  aws: AwsReader,
  BackupPlanId: string,
  SelectionId: string | undefined,
): Promise<BackupSelection | undefined> {
  const backup = await aws.clients.backup();
  const { GetBackupSelectionCommand } = await import('@aws-sdk/client-backup');
  const out = await aws.call('backup:GetBackupSelection', () =>
    backup.send(new GetBackupSelectionCommand({ BackupPlanId, SelectionId })),
  );
  return out.BackupSelection;
}

/** ListRecoveryPointsByBackupVault: the restore points a vault holds (status, creation time, resource). */
export async function listRecoveryPointsByBackupVault(
  aws: AwsReader,
  BackupVaultName: string,
  options: { createdAfter?: Date } = {},
): Promise<RecoveryPointByBackupVault[]> {
  const backup = await aws.clients.backup();
  const { ListRecoveryPointsByBackupVaultCommand } = await import('@aws-sdk/client-backup');
  return allPages(
    (NextToken) =>
      aws.call('backup:ListRecoveryPointsByBackupVault', () =>
        backup.send(
          new ListRecoveryPointsByBackupVaultCommand({
            BackupVaultName,
            ByCreatedAfter: options.createdAfter,
            NextToken,
          }),
        ),
      ),
    (p) => p.RecoveryPoints,
    (p) => p.NextToken,
  );
}

/** ListRestoreJobs of one resource type (EBS) created after a date: status, recovery point and when. */
export async function listRestoreJobs(
  aws: AwsReader,
  options: { resourceType?: string; createdAfter?: Date } = {},
): Promise<RestoreJobsListMember[]> {
  const backup = await aws.clients.backup();
  const { ListRestoreJobsCommand } = await import('@aws-sdk/client-backup');
  return allPages(
    (NextToken) =>
      aws.call('backup:ListRestoreJobs', () =>
        backup.send(
          new ListRestoreJobsCommand({
            ByResourceType: options.resourceType,
            ByCreatedAfter: options.createdAfter,
            NextToken,
          }),
        ),
      ),
    (p) => p.RestoreJobs,
    (p) => p.NextToken,
  );
}

import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as backup from './cdk/aws-backup.js';
import * as events from './cdk/aws-events.js';
import { Duration } from './cdk/core.js';
import { acknowledgeManagedPolicies } from './nag.js';
import { removalPolicyOf } from './removal-policy.js';
import { BACKUP_TAG_KEY, backupTagValue } from './storage.js';

export interface BackupProps {
  readonly env: EnvironmentConfig;
}

/**
 * Scheduled EBS snapshots: an AWS Backup vault and a daily plan that keeps
 * recovery points for `backup.retentionDays`, selecting every EBS volume the
 * gp3/io2 StorageClasses tagged for this cluster. Created only when
 * `backup.schedule` is `daily`; test environments back up manually.
 */
export class Backup extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    const { env } = props;
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: `${env.clusterName}-ebs`,
      removalPolicy: removalPolicyOf(env.backup.removalPolicy),
    });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: `${env.clusterName}-daily-ebs`,
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: events.Schedule.expression(env.backup.cron),
          deleteAfter: Duration.days(env.backup.retentionDays),
        }),
      ],
    });
    const selection = this.plan.addSelection('TaggedVolumes', {
      backupSelectionName: `${env.clusterName}-tagged-ebs`,
      resources: [backup.BackupResource.fromTag(BACKUP_TAG_KEY, backupTagValue(env))],
    });
    acknowledgeManagedPolicies(
      selection,
      ['service-role/AWSBackupServiceRolePolicyForBackup'],
      'AWSBackupServiceRolePolicyForBackup is the service role policy AWS Backup documents for creating snapshots.',
    );
  }
}

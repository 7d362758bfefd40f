import { mapLimit } from '../../../aws/paging.js';
import {
  getBackupPlan,
  getBackupSelection,
  listBackupPlans,
  listBackupSelections,
} from '../../../aws/readers/backup.js';
import { describeLifecyclePolicies } from '../../../aws/readers/dlm.js';
import type { LiveAwsContext } from './context.js';

export async function collectBackup(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'], async () => {
    const plans = await listBackupPlans(ctx.aws);
    await mapLimit(plans, 4, async (summary) => {
      const BackupPlanId = summary.BackupPlanId ?? '';
      if (ctx.wants('AWS::Backup::BackupPlan')) {
        const plan = await getBackupPlan(ctx.aws, BackupPlanId);
        ctx.add('AWS::Backup::BackupPlan', summary.BackupPlanArn ?? BackupPlanId, {
          BackupPlan: {
            BackupPlanName: plan?.BackupPlanName,
            BackupPlanRule: plan?.Rules?.map((r) => ({
              RuleName: r.RuleName,
              TargetBackupVault: r.TargetBackupVaultName,
              ScheduleExpression: r.ScheduleExpression,
              Lifecycle: r.Lifecycle && {
                DeleteAfterDays: r.Lifecycle.DeleteAfterDays,
                MoveToColdStorageAfterDays: r.Lifecycle.MoveToColdStorageAfterDays,
              },
            })),
          },
        });
      }
      if (ctx.wants('AWS::Backup::BackupSelection')) {
        for (const s of await listBackupSelections(ctx.aws, BackupPlanId)) {
          const sel = await getBackupSelection(ctx.aws, BackupPlanId, s.SelectionId);
          ctx.add('AWS::Backup::BackupSelection', `${BackupPlanId}/${s.SelectionId}`, {
            BackupPlanId: summary.BackupPlanArn ?? BackupPlanId,
            BackupSelection: {
              SelectionName: sel?.SelectionName,
              IamRoleArn: sel?.IamRoleArn,
              Resources: sel?.Resources,
              ListOfTags: sel?.ListOfTags?.map((t) => ({
                ConditionType: t.ConditionType,
                ConditionKey: t.ConditionKey,
                ConditionValue: t.ConditionValue,
              })),
            },
          });
        }
      }
    });
  });
}

export async function collectDlm(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::DLM::LifecyclePolicy'], async () => {
    for (const p of await describeLifecyclePolicies(ctx.aws)) {
      const d = p.PolicyDetails;
      ctx.add('AWS::DLM::LifecyclePolicy', p.PolicyArn ?? p.PolicyId ?? '', {
        Description: p.Description,
        State: p.State,
        ExecutionRoleArn: p.ExecutionRoleArn,
        PolicyDetails: d && {
          PolicyType: d.PolicyType,
          ResourceTypes: d.ResourceTypes,
          TargetTags: d.TargetTags?.map((t) => ({ Key: t.Key, Value: t.Value })),
          Schedules: d.Schedules?.map((s) => ({
            Name: s.Name,
            CreateRule: s.CreateRule && {
              Interval: s.CreateRule.Interval,
              IntervalUnit: s.CreateRule.IntervalUnit,
              Times: s.CreateRule.Times,
              CronExpression: s.CreateRule.CronExpression,
            },
            RetainRule: s.RetainRule && {
              Count: s.RetainRule.Count,
              Interval: s.RetainRule.Interval,
              IntervalUnit: s.RetainRule.IntervalUnit,
            },
            CopyTags: s.CopyTags,
          })),
        },
      });
    }
  });
}

import { type AwsCollectContext, allPages, mapLimit } from '../context.js';

export async function collectBackup(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'], async () => {
    const backup = await ctx.clients.backup();
    const m = await import('@aws-sdk/client-backup');
    const plans = await allPages(
      (NextToken) => ctx.call('backup:ListBackupPlans', () => backup.send(new m.ListBackupPlansCommand({ NextToken }))),
      (p) => p.BackupPlansList,
      (p) => p.NextToken,
    );
    await mapLimit(plans, 4, async (summary) => {
      const BackupPlanId = summary.BackupPlanId ?? '';
      if (ctx.wants('AWS::Backup::BackupPlan')) {
        const { BackupPlan: plan } = await ctx.call('backup:GetBackupPlan', () =>
          backup.send(new m.GetBackupPlanCommand({ BackupPlanId })),
        );
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
        const selections = await allPages(
          (NextToken) =>
            ctx.call('backup:ListBackupSelections', () =>
              backup.send(new m.ListBackupSelectionsCommand({ BackupPlanId, NextToken })),
            ),
          (p) => p.BackupSelectionsList,
          (p) => p.NextToken,
        );
        for (const s of selections) {
          const { BackupSelection: sel } = await ctx.call('backup:GetBackupSelection', () =>
            backup.send(new m.GetBackupSelectionCommand({ BackupPlanId, SelectionId: s.SelectionId })),
          );
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

export async function collectDlm(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::DLM::LifecyclePolicy'], async () => {
    const dlm = await ctx.clients.dlm();
    const m = await import('@aws-sdk/client-dlm');
    const { Policies } = await ctx.call('dlm:GetLifecyclePolicies', () =>
      dlm.send(new m.GetLifecyclePoliciesCommand({})),
    );
    const details = await mapLimit(Policies ?? [], 4, (p) =>
      ctx.call('dlm:GetLifecyclePolicy', () => dlm.send(new m.GetLifecyclePolicyCommand({ PolicyId: p.PolicyId }))),
    );
    for (const { Policy: p } of details) {
      if (!p) continue;
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

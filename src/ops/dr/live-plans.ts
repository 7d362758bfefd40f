import type { LifecyclePolicy } from '@aws-sdk/client-dlm';
import { mapLimit } from '../../aws/paging.js';
import type { AwsReader } from '../../aws/read-context.js';
import { getBackupPlan, getBackupSelection, listBackupPlans, listBackupSelections } from '../../aws/readers/backup.js';
import { describeLifecyclePolicies } from '../../aws/readers/dlm.js';
import type { BackupPlanFacts } from './facts.js';

const TAG_KEY = /^aws:ResourceTag\/(.+)$/;

/**
 * The account's AWS Backup plans (rules: schedule, retention, copies; every
 * selection's tag conditions and resource ARNs) and enabled DLM snapshot
 * policies, as the coverage analysis reads them.
 */
export async function liveBackupPlans(aws: AwsReader): Promise<BackupPlanFacts[]> {
  const plans = await listBackupPlans(aws);
  const backup = await mapLimit(plans, 4, async (summary): Promise<BackupPlanFacts | undefined> => {
    const id = summary.BackupPlanId;
    if (!id) return undefined;
    const [plan, selections] = await Promise.all([getBackupPlan(aws, id), listBackupSelections(aws, id)]);
    const details = await mapLimit(selections, 4, (s) => getBackupSelection(aws, id, s.SelectionId));
    const rules = plan?.Rules ?? [];
    const days = rules.map((r) => r.Lifecycle?.DeleteAfterDays).filter((d): d is number => typeof d === 'number');
    const tagSets = details.flatMap((d) => {
      if (!d) return [];
      const tags: Record<string, string> = {};
      for (const t of d.ListOfTags ?? []) {
        if (t.ConditionType === 'STRINGEQUALS' && t.ConditionKey && t.ConditionValue !== undefined)
          tags[t.ConditionKey] = t.ConditionValue;
      }
      for (const c of d.Conditions?.StringEquals ?? []) {
        const key = TAG_KEY.exec(c.ConditionKey ?? '')?.[1];
        if (key && c.ConditionValue !== undefined) tags[key] = c.ConditionValue;
      }
      return Object.keys(tags).length ? [tags] : [];
    });
    return {
      kind: 'aws-backup',
      name: plan?.BackupPlanName ?? summary.BackupPlanName ?? id,
      ...(rules[0]?.TargetBackupVaultName ? { vault: rules[0].TargetBackupVaultName } : {}),
      schedules: rules.flatMap((r) => (r.ScheduleExpression ? [r.ScheduleExpression] : [])),
      ...(days.length ? { retentionDays: Math.min(...days) } : {}),
      selections: tagSets,
      resources: details.flatMap((d) => d?.Resources ?? []).sort(),
      copyRegions: [
        ...new Set(
          rules
            .flatMap((r) => r.CopyActions ?? [])
            .flatMap((c) =>
              c.DestinationBackupVaultArn?.split(':')[3] ? [c.DestinationBackupVaultArn.split(':')[3]] : [],
            ),
        ),
      ].sort(),
    };
  });
  const policies = await describeLifecyclePolicies(aws);
  return [...backup.flatMap((p) => (p ? [p] : [])), ...policies.flatMap(dlmPlan)].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

function dlmPlan(p: LifecyclePolicy): BackupPlanFacts[] {
  if (p.State === 'DISABLED') return [];
  const d = p.PolicyDetails;
  const tags: Record<string, string> = {};
  for (const t of d?.TargetTags ?? []) if (t.Key && t.Value !== undefined) tags[t.Key] = t.Value;
  const counts = (d?.Schedules ?? []).flatMap((s) =>
    typeof s.RetainRule?.Count === 'number' ? [s.RetainRule.Count] : [],
  );
  return [
    {
      kind: 'dlm',
      name: p.Description ?? p.PolicyId ?? 'DLM policy',
      schedules: (d?.Schedules ?? []).flatMap((s) => {
        const c = s.CreateRule;
        if (c?.CronExpression) return [c.CronExpression];
        return c?.Interval ? [`every ${c.Interval} ${c.IntervalUnit ?? 'HOURS'}`] : [];
      }),
      ...(counts.length ? { retainCount: Math.min(...counts) } : {}),
      selections: Object.keys(tags).length ? [tags] : [],
      copyRegions: [],
    },
  ];
}

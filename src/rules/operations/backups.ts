import { z } from 'zod';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { unknownAws } from '../support/coverage.js';
import { cfnText } from '../support/iam.js';
import { awsResult, result } from '../support/results.js';
import { intervalHours } from '../support/schedule.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether scheduled backups are required (backup.schedule is daily). */
  required: z.boolean(),
  /** Longest time between two snapshots, in hours. */
  maxIntervalHours: z.number().positive(),
});

interface PlanRule {
  RuleName?: string;
  ScheduleExpression?: unknown;
}
interface DlmSchedule {
  CreateRule?: { Interval?: number; IntervalUnit?: string; CronExpression?: string };
}

function planInterval(plan: AwsResource): number | undefined {
  const body = (plan.properties.BackupPlan ?? {}) as { BackupPlanRule?: PlanRule[] };
  const hours = (body.BackupPlanRule ?? [])
    .map((r) => cfnText(r.ScheduleExpression))
    .map((e) => (e ? intervalHours(e) : undefined))
    .filter((h): h is number => h !== undefined);
  return hours.length > 0 ? Math.min(...hours) : undefined;
}

function selectionsOf(inv: Inventory, plan: AwsResource): AwsResource[] {
  return inv.aws('AWS::Backup::BackupSelection').filter((s) => {
    const ref = s.properties.BackupPlanId;
    return inv.resolve(ref)?.id === plan.id || cfnText(ref) === plan.id;
  });
}

function dlmInterval(policy: AwsResource): number | undefined {
  const details = (policy.properties.PolicyDetails ?? {}) as { Schedules?: DlmSchedule[] };
  const hours = (details.Schedules ?? [])
    .map((s) => s.CreateRule)
    .map((c) => {
      if (!c) return undefined;
      if (c.CronExpression) return intervalHours(c.CronExpression);
      if (typeof c.Interval === 'number') return c.IntervalUnit === 'HOURS' || !c.IntervalUnit ? c.Interval : undefined;
      return undefined;
    })
    .filter((h): h is number => h !== undefined);
  return hours.length > 0 ? Math.min(...hours) : undefined;
}

export default defineRule({
  meta: {
    id: 'operations.backups',
    title: 'Volumes are snapshotted on a daily schedule',
    category: 'operations',
    checklist: ['operations.backups'],
    severity: { test: 'info', prod: 'high' },
    why: 'Application state on EBS volumes is lost with the volume, the zone or the cluster unless snapshots exist to restore from.',
    verified:
      'When backups are required (backup.schedule daily; production), an AWS Backup plan has a rule firing at least daily and a backup selection, or a DLM lifecycle policy creates snapshots at least daily and is enabled.',
    fix: 'Set backup.schedule: daily (the platform creates an AWS Backup plan for tagged EBS volumes), and test a restore.',
    equivalents: {},
    params,
    defaults: (env) => ({ required: env.backup.schedule === 'daily', maxIntervalHours: 24 }),
    needs: { aws: ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection', 'AWS::DLM::LifecyclePolicy'] },
  },
  check(inv, p) {
    const missing = unknownAws(inv, ['AWS::Backup::BackupPlan']);
    if (missing) return missing;
    const out: RuleResult[] = [];
    const bad = p.required ? 'fail' : 'warn';
    let covered = false;
    for (const plan of inv.aws('AWS::Backup::BackupPlan')) {
      const hours = planInterval(plan);
      const selections = selectionsOf(inv, plan);
      if (hours === undefined) {
        out.push(awsResult('warn', plan, 'the schedule of its rules cannot be read', ['BackupPlan', 'BackupPlanRule']));
      } else if (hours > p.maxIntervalHours) {
        out.push(
          awsResult(bad, plan, `backs up every ${hours} hours; at least every ${p.maxIntervalHours} required`, [
            'BackupPlan',
            'BackupPlanRule',
          ]),
        );
      } else if (selections.length === 0) {
        out.push(awsResult(bad, plan, 'no backup selection says which volumes it covers'));
      } else {
        covered = true;
        out.push(awsResult('pass', plan, `backs up every ${hours} hours (${selections.length} selection(s))`));
      }
    }
    for (const policy of inv.aws('AWS::DLM::LifecyclePolicy')) {
      const hours = dlmInterval(policy);
      const state = policy.properties.State;
      if (state === 'DISABLED') {
        out.push(awsResult(bad, policy, 'the lifecycle policy is disabled', ['State']));
      } else if (hours === undefined || hours > p.maxIntervalHours) {
        out.push(
          awsResult(bad, policy, `does not snapshot at least every ${p.maxIntervalHours} hours`, ['PolicyDetails']),
        );
      } else {
        covered = true;
        out.push(awsResult('pass', policy, `snapshots every ${hours} hours`));
      }
    }
    if (!covered && out.length === 0) {
      const subject = { awsType: 'AWS::Backup::BackupPlan', id: '*' };
      out.push(
        p.required
          ? result('fail', subject, 'no backup plan or snapshot policy covers the volumes')
          : result('skip', subject, 'backups are manual in this environment (backup.schedule: manual)'),
      );
    }
    return out;
  },
});

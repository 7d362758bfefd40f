import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/operations/backups.js';
import { intervalHours } from '../../../src/rules/support/schedule.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const plan = (expression: string) =>
  aws('AWS::Backup::BackupPlan', 'Plan', {
    BackupPlan: {
      BackupPlanName: 'p',
      BackupPlanRule: [{ RuleName: 'daily', ScheduleExpression: expression, TargetBackupVault: 'v' }],
    },
  });
const selection = aws('AWS::Backup::BackupSelection', 'Selection', {
  BackupPlanId: { 'Fn::GetAtt': ['Plan', 'BackupPlanId'] },
  BackupSelection: {
    SelectionName: 's',
    IamRoleArn: 'arn',
    ListOfTags: [{ ConditionKey: 'slipway.io/backup', ConditionValue: 'daily', ConditionType: 'STRINGEQUALS' }],
  },
});

describe('operations.backups', () => {
  it('passes a daily backup plan with a selection', () => {
    expect(statusOf(run(rule, inventory({ aws: [plan('cron(0 3 * * ? *)'), selection] })), 'Plan')).toBe('pass');
  });

  it('fails a weekly plan in prod', () => {
    expect(statusOf(run(rule, inventory({ aws: [plan('cron(0 3 ? * SUN *)'), selection] })), 'Plan')).toBe('fail');
  });

  it('fails a plan without a selection', () => {
    expect(statusOf(run(rule, inventory({ aws: [plan('rate(1 day)')] })), 'Plan')).toBe('fail');
  });

  it('passes an hourly DLM policy and fails a disabled one', () => {
    const dlm = (state: string) =>
      aws('AWS::DLM::LifecyclePolicy', `Dlm${state}`, {
        State: state,
        PolicyDetails: { Schedules: [{ CreateRule: { Interval: 12, IntervalUnit: 'HOURS' } }] },
      });
    const results = run(rule, inventory({ aws: [dlm('ENABLED'), dlm('DISABLED')] }));
    expect(statusOf(results, 'DlmENABLED')).toBe('pass');
    expect(statusOf(results, 'DlmDISABLED')).toBe('fail');
  });

  it('fails in prod when nothing is scheduled, and skips in test (manual backups)', () => {
    const inv = inventory({ aws: [aws('AWS::S3::Bucket', 'B', {})] });
    expect(run(rule, inv, 'prod').map((r) => r.status)).toEqual(['fail']);
    expect(run(rule, inv, 'test').map((r) => r.status)).toEqual(['skip']);
  });

  it.each([
    ['cron(0 3 * * ? *)', 24],
    ['cron(0 */6 * * ? *)', 6],
    ['rate(12 hours)', 12],
    ['rate(7 days)', 168],
    ['cron(0 3 ? * MON-FRI *)', 72],
  ])('reads %s as every %i hours', (expr, hours) => {
    expect(intervalHours(expr)).toBe(hours);
  });
});

import { describeAlarms } from '../../../aws/readers/cloudwatch.js';
import { describeLogGroups } from '../../../aws/readers/logs.js';
import type { LiveAwsContext } from './context.js';

/** Log groups of this cluster: Container Insights and the control plane. */
export async function collectLogGroups(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::Logs::LogGroup'], async () => {
    const name = ctx.target.clusterName;
    for (const prefix of [`/aws/containerinsights/${name}/`, `/aws/eks/${name}/`]) {
      for (const g of await describeLogGroups(ctx.aws, prefix)) {
        ctx.add(
          'AWS::Logs::LogGroup',
          g.logGroupName ?? '',
          { LogGroupName: g.logGroupName, RetentionInDays: g.retentionInDays, KmsKeyId: g.kmsKeyId },
          { storedBytes: g.storedBytes },
        );
      }
    }
  });
}

export async function collectAlarms(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::CloudWatch::Alarm'], async () => {
    for (const a of await describeAlarms(ctx.aws)) {
      ctx.add(
        'AWS::CloudWatch::Alarm',
        a.AlarmArn ?? a.AlarmName ?? '',
        {
          AlarmName: a.AlarmName,
          MetricName: a.MetricName,
          Namespace: a.Namespace,
          Statistic: a.Statistic,
          Threshold: a.Threshold,
          ComparisonOperator: a.ComparisonOperator,
          EvaluationPeriods: a.EvaluationPeriods,
          Period: a.Period,
          Dimensions: a.Dimensions?.map((d) => ({ Name: d.Name, Value: d.Value })),
          AlarmActions: a.AlarmActions,
          ActionsEnabled: a.ActionsEnabled,
          Metrics: a.Metrics?.map((m) => ({ Id: m.Id, Expression: m.Expression, ReturnData: m.ReturnData })),
        },
        { state: a.StateValue },
      );
    }
  });
}

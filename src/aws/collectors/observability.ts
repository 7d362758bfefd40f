import { type AwsCollectContext, allPages } from '../context.js';

/** Log groups of this cluster: Container Insights and the control plane. */
export async function collectLogGroups(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::Logs::LogGroup'], async () => {
    const logs = await ctx.clients.logs();
    const { DescribeLogGroupsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const name = ctx.target.clusterName;
    for (const logGroupNamePrefix of [`/aws/containerinsights/${name}/`, `/aws/eks/${name}/`]) {
      const groups = await allPages(
        (nextToken) =>
          ctx.call('logs:DescribeLogGroups', () =>
            logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix, nextToken })),
          ),
        (p) => p.logGroups,
        (p) => p.nextToken,
      );
      for (const g of groups) {
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

export async function collectAlarms(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::CloudWatch::Alarm'], async () => {
    const cw = await ctx.clients.cloudwatch();
    const { DescribeAlarmsCommand } = await import('@aws-sdk/client-cloudwatch');
    const alarms = await allPages(
      (NextToken) => ctx.call('cloudwatch:DescribeAlarms', () => cw.send(new DescribeAlarmsCommand({ NextToken }))),
      (p) => p.MetricAlarms,
      (p) => p.NextToken,
    );
    for (const a of alarms) {
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

import type { MetricAlarm, MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** DescribeAlarms: every metric alarm with its state. */
export async function describeAlarms(aws: AwsReader): Promise<MetricAlarm[]> {
  const cw = await aws.clients.cloudwatch();
  const { DescribeAlarmsCommand } = await import('@aws-sdk/client-cloudwatch');
  return allPages(
    (NextToken) => aws.call('cloudwatch:DescribeAlarms', () => cw.send(new DescribeAlarmsCommand({ NextToken }))),
    (p) => p.MetricAlarms,
    (p) => p.NextToken,
  );
}

/** GetMetricData for these queries over a time range, every page, results merged per query id. */
export async function getMetricData(
  aws: AwsReader,
  request: { queries: MetricDataQuery[]; start: Date; end: Date },
): Promise<MetricDataResult[]> {
  const cw = await aws.clients.cloudwatch();
  const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
  const pages = await allPages(
    (NextToken) =>
      aws.call('cloudwatch:GetMetricData', () =>
        cw.send(
          new GetMetricDataCommand({
            MetricDataQueries: request.queries,
            StartTime: request.start,
            EndTime: request.end,
            NextToken,
          }),
        ),
      ),
    (p) => p.MetricDataResults,
    (p) => p.NextToken,
  );
  const byId = new Map<string, MetricDataResult>();
  for (const r of pages) {
    const id = r.Id ?? '';
    const seen = byId.get(id);
    byId.set(
      id,
      seen
        ? {
            ...seen,
            Timestamps: [...(seen.Timestamps ?? []), ...(r.Timestamps ?? [])],
            Values: [...(seen.Values ?? []), ...(r.Values ?? [])],
          }
        : r,
    );
  }
  return [...byId.values()];
}

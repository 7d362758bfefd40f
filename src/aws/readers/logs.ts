import type { FilteredLogEvent, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** DescribeLogGroups under a name prefix: retention, KMS key and storedBytes of each. */
export async function describeLogGroups(aws: AwsReader, logGroupNamePrefix: string): Promise<LogGroup[]> {
  const logs = await aws.clients.logs();
  const { DescribeLogGroupsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  return allPages(
    (nextToken) =>
      aws.call('logs:DescribeLogGroups', () =>
        logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix, nextToken })),
      ),
    (p) => p.logGroups,
    (p) => p.nextToken,
  );
}

export interface LogSearch {
  readonly logGroupName: string;
  /** CloudWatch Logs filter pattern: `?ERROR ?Exception`, `{ $.level = "error" }`. */
  readonly filterPattern?: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly endTime?: number;
  /** Only streams starting with this prefix (a namespace or pod in Container Insights). */
  readonly logStreamNamePrefix?: string;
  /** Most events returned over all pages; default 1,000. */
  readonly maxEvents?: number;
}

/** FilterLogEvents over every page until maxEvents: the matching lines, oldest first, and whether more were left. */
export async function filterLogEvents(
  aws: AwsReader,
  search: LogSearch,
): Promise<{ readonly events: FilteredLogEvent[]; readonly truncated: boolean }> {
  const logs = await aws.clients.logs();
  const { FilterLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const max = search.maxEvents ?? 1_000;
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.call('logs:FilterLogEvents', () =>
      logs.send(
        new FilterLogEventsCommand({
          logGroupName: search.logGroupName,
          filterPattern: search.filterPattern,
          startTime: search.startTime,
          endTime: search.endTime,
          logStreamNamePrefix: search.logStreamNamePrefix,
          limit: Math.min(10_000, max - events.length),
          nextToken,
        }),
      ),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken && events.length < max);
  return { events: events.slice(0, max), truncated: Boolean(nextToken) || events.length > max };
}

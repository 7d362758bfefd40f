import { describeLogGroups, filterLogEvents } from '../../aws/readers/logs.js';
import type { LiveAws } from '../../live/connect.js';
import type { FilteredLogEvent, LogGroupFact } from '../common/aws-facts.js';
import { type Fact, unknownFact } from '../facts.js';
import type { LogsInput } from '../logs/types.js';
import { AWS_NOT_READ, NO_CLUSTER_NAME, readFact } from './read-fact.js';

/** Where Container Insights writes a cluster's logs (the platform's observability component creates these groups). */
export function containerInsightsPrefix(cluster: string): string {
  return `/aws/containerinsights/${cluster}/`;
}

/** The application log group of a cluster: every container's stdout and stderr. */
export function applicationLogGroup(cluster: string): string {
  return `${containerInsightsPrefix(cluster)}application`;
}

/** DescribeLogGroups under the cluster's Container Insights prefix: retention and stored bytes. */
export function logGroupFacts(
  aws: LiveAws | undefined,
  cluster: string | undefined,
): Promise<Fact<readonly LogGroupFact[]>> {
  if (!aws) return Promise.resolve(unknownFact(AWS_NOT_READ));
  if (!cluster) return Promise.resolve(unknownFact(NO_CLUSTER_NAME));
  return readFact('logs:DescribeLogGroups', async () =>
    (await describeLogGroups(aws.reader, containerInsightsPrefix(cluster)))
      .map((g) => ({
        name: g.logGroupName ?? '',
        ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
        ...(g.storedBytes !== undefined ? { storedBytes: g.storedBytes } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

export interface ErrorSearch {
  /** The log group searched (default: the cluster's application group). */
  readonly logGroup?: string;
  readonly filterPattern: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly endTime: number;
  /** Most events read over all pages. */
  readonly maxEvents: number;
}

/** FilterLogEvents over the window: the error lines, oldest first. */
export function errorEventFacts(
  aws: LiveAws | undefined,
  cluster: string | undefined,
  search: ErrorSearch,
): Promise<LogsInput['errorEvents']> {
  if (!aws) return Promise.resolve(unknownFact(AWS_NOT_READ));
  const logGroup = search.logGroup ?? (cluster ? applicationLogGroup(cluster) : undefined);
  if (!logGroup) return Promise.resolve(unknownFact(NO_CLUSTER_NAME));
  return readFact(`logs:FilterLogEvents on ${logGroup}`, async () => {
    const out = await filterLogEvents(aws.reader, {
      logGroupName: logGroup,
      filterPattern: search.filterPattern,
      startTime: search.startTime,
      endTime: search.endTime,
      maxEvents: search.maxEvents,
    });
    const events: FilteredLogEvent[] = out.events.map((e) => ({
      ...(e.logStreamName ? { logStreamName: e.logStreamName } : {}),
      timestamp: e.timestamp ?? 0,
      message: e.message ?? '',
    }));
    return { logGroup, filterPattern: search.filterPattern, events };
  });
}

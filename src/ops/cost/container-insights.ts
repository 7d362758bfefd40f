import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { mapLimit } from '../../aws/paging.js';
import type { AwsReader } from '../../aws/read-context.js';
import { getMetricData } from '../../aws/readers/cloudwatch.js';
import type { UsageWindow } from './window.js';

/** One container of a workload, as Container Insights names it (PodName is the workload's name). */
export interface InsightsContainer {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
}

export interface WindowUsage {
  /** p95 of CPU over the window, in millicores. */
  readonly cpuMillis: number;
  /** Largest working set over the window, in bytes. */
  readonly memoryBytes: number;
}

/** GetMetricData takes at most 500 queries; two per container. */
const CONTAINERS_PER_CALL = 250;

export function containerKey(c: InsightsContainer): string {
  return `${c.namespace}/${c.workload}/${c.container}`;
}

function query(id: string, metric: string, stat: string, c: InsightsContainer, cluster: string, period: number) {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'ContainerInsights',
        MetricName: metric,
        Dimensions: [
          { Name: 'ClusterName', Value: cluster },
          { Name: 'Namespace', Value: c.namespace },
          { Name: 'PodName', Value: c.workload },
          { Name: 'ContainerName', Value: c.container },
        ],
      },
      Period: period,
      Stat: stat,
    },
    ReturnData: true,
  } satisfies MetricDataQuery;
}

/**
 * p95 CPU and maximum memory of each container over the window, from
 * Container Insights (enhanced observability: container_cpu_usage_total in
 * millicores, container_memory_working_set in bytes), one data point per
 * query covering the whole window. A container with no data points is left
 * out (its usage falls back to the point-in-time sample).
 */
export async function containerInsightsUsage(
  aws: AwsReader,
  cluster: string,
  containers: readonly InsightsContainer[],
  window: UsageWindow,
  now: Date,
): Promise<Map<string, WindowUsage>> {
  const out = new Map<string, WindowUsage>();
  const period = Math.ceil(window.seconds / 60) * 60;
  const start = new Date(now.getTime() - window.seconds * 1000);
  const chunks: InsightsContainer[][] = [];
  for (let i = 0; i < containers.length; i += CONTAINERS_PER_CALL) {
    chunks.push(containers.slice(i, i + CONTAINERS_PER_CALL));
  }
  const answers = await mapLimit(chunks, 2, (chunk) =>
    getMetricData(aws, {
      queries: chunk.flatMap((c, i) => [
        query(`cpu${i}`, 'container_cpu_usage_total', 'p95', c, cluster, period),
        query(`mem${i}`, 'container_memory_working_set', 'Maximum', c, cluster, period),
      ]),
      start,
      end: now,
    }),
  );
  answers.forEach((results, n) => {
    const byId = new Map(results.map((r) => [r.Id ?? '', r.Values ?? []]));
    chunks[n].forEach((c, i) => {
      const cpu = byId.get(`cpu${i}`) ?? [];
      const mem = byId.get(`mem${i}`) ?? [];
      if (cpu.length === 0 || mem.length === 0) return;
      out.set(containerKey(c), { cpuMillis: Math.round(Math.max(...cpu)), memoryBytes: Math.round(Math.max(...mem)) });
    });
  });
  return out;
}

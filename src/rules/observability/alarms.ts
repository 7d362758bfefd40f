import { z } from 'zod';
import type { AwsResource } from '../../inventory/types.js';
import { unknownAws } from '../support/coverage.js';
import { cfnText } from '../support/iam.js';
import { awsResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether alarms are required (alarms.enabled). */
  required: z.boolean(),
  /** Metric names that count for each signal. */
  signals: z.record(z.string(), z.array(z.string()).min(1)),
});

interface MetricQuery {
  MetricStat?: { Metric?: { MetricName?: unknown } };
}

/** Metric names an alarm watches: MetricName, or the metrics of a metric-math alarm. */
function metricsOf(a: AwsResource): string[] {
  const out: string[] = [];
  const direct = cfnText(a.properties.MetricName);
  if (direct) out.push(direct);
  const queries = Array.isArray(a.properties.Metrics) ? (a.properties.Metrics as MetricQuery[]) : [];
  for (const q of queries) {
    const name = cfnText(q.MetricStat?.Metric?.MetricName);
    if (name) out.push(name);
  }
  return out;
}

function hasActions(a: AwsResource): boolean {
  const actions = a.properties.AlarmActions;
  return Array.isArray(actions) && actions.length > 0;
}

export default defineRule({
  meta: {
    id: 'observability.alarms',
    title: 'Alarms watch CPU, memory and errors and notify someone',
    category: 'observability',
    checklist: ['observability.alarms'],
    severity: { test: 'low', prod: 'high' },
    why: 'Without alarms the first person to notice a problem is a user.',
    verified:
      'When alarms are required (alarms.enabled; always in production), CloudWatch alarms exist for CPU (node_cpu_utilization, CPUUtilization…), memory (node_memory_utilization…) and errors (pod restarts, failed nodes, 5XX counts), and each alarm has an action (an SNS topic) so someone is told.',
    fix: 'Set alarms.enabled: true and alarms.email (or snsTopicArn); the observability component creates the alarms.',
    equivalents: {},
    params,
    defaults: (env) => ({
      required: env.alarms.enabled,
      signals: {
        cpu: ['node_cpu_utilization', 'pod_cpu_utilization', 'CPUUtilization', 'cluster_cpu_utilization'],
        memory: ['node_memory_utilization', 'pod_memory_utilization', 'mem_used_percent', 'MemoryUtilization'],
        errors: [
          'pod_number_of_container_restarts',
          'cluster_failed_node_count',
          'node_status_condition_ready',
          'HTTPCode_Target_5XX_Count',
          'HTTPCode_ELB_5XX_Count',
          'ApplicationErrorLines',
        ],
      },
    }),
    needs: { aws: ['AWS::CloudWatch::Alarm'] },
  },
  check(inv, p) {
    const missing = unknownAws(inv, ['AWS::CloudWatch::Alarm']);
    if (missing) return missing;
    const alarms = inv.aws('AWS::CloudWatch::Alarm');
    if (alarms.length === 0 && !p.required) {
      return [
        result('skip', { awsType: 'AWS::CloudWatch::Alarm', id: '*' }, 'alarms are optional in this environment'),
      ];
    }
    const out: RuleResult[] = [];
    for (const [signal, names] of Object.entries(p.signals).sort(([a], [b]) => a.localeCompare(b))) {
      const found = alarms.filter((a) => metricsOf(a).some((m) => names.includes(m)));
      const subject = { awsType: 'AWS::CloudWatch::Alarm', id: `${signal} signal` };
      if (found.length > 0) {
        out.push(
          result('pass', subject, `${found.length} alarm(s) watch ${signal}: ${found.map((a) => a.id).join(', ')}`),
        );
      } else {
        out.push(
          result(
            p.required ? 'fail' : 'warn',
            subject,
            `no alarm watches ${signal} (${names.slice(0, 3).join(', ')}…)`,
          ),
        );
      }
    }
    for (const a of alarms) {
      out.push(
        hasActions(a)
          ? awsResult('pass', a, 'notifies through its alarm actions', ['AlarmActions'])
          : awsResult(p.required ? 'fail' : 'warn', a, 'has no AlarmActions: nobody is told when it fires'),
      );
    }
    return out;
  },
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/alarms.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const alarm = (id: string, metric: string, actions = true) =>
  aws('AWS::CloudWatch::Alarm', id, {
    MetricName: metric,
    Namespace: 'ContainerInsights',
    ...(actions ? { AlarmActions: [{ Ref: 'Topic' }] } : {}),
  });
const all = [
  alarm('Cpu', 'node_cpu_utilization'),
  alarm('Mem', 'node_memory_utilization'),
  alarm('Restarts', 'pod_number_of_container_restarts'),
];

describe('observability.alarms', () => {
  it('passes CPU, memory and error alarms that notify', () => {
    const results = run(rule, inventory({ aws: all }));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['pass']));
    expect(results.map((r) => ('id' in r.subject ? r.subject.id : ''))).toContain('memory signal');
  });

  it('fails in prod when no alarm watches memory', () => {
    const results = run(rule, inventory({ aws: [all[0], all[2]] }), 'prod');
    expect(statusOf(results, 'memory signal')).toBe('fail');
  });

  it('fails an alarm without actions in prod', () => {
    expect(statusOf(run(rule, inventory({ aws: [...all, alarm('Quiet', 'CPUUtilization', false)] })), 'Quiet')).toBe(
      'fail',
    );
  });

  it('skips in test when there are no alarms (optional there)', () => {
    const results = run(rule, inventory({ aws: [aws('AWS::S3::Bucket', 'B', {})] }), 'test');
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });

  it('counts metric-math alarms', () => {
    const math = aws('AWS::CloudWatch::Alarm', 'Math', {
      Metrics: [{ Id: 'm1', MetricStat: { Metric: { MetricName: 'node_memory_utilization' } } }],
      AlarmActions: ['arn:aws:sns:us-east-1:1:t'],
    });
    expect(statusOf(run(rule, inventory({ aws: [all[0], all[2], math] })), 'memory signal')).toBe('pass');
  });
});

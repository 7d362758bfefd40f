import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/alarm-subscriptions.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const alarm = (id: string, target: unknown) =>
  aws('AWS::CloudWatch::Alarm', id, { MetricName: 'node_cpu_utilization', AlarmActions: [target] });
const topic = (id: string, extra: Record<string, unknown> = {}) => aws('AWS::SNS::Topic', id, extra);
const subscription = (id: string, topicId: string, protocol = 'email') =>
  aws('AWS::SNS::Subscription', id, { TopicArn: { Ref: topicId }, Protocol: protocol, Endpoint: 'oncall@x.io' });

describe('observability.alarm-subscriptions', () => {
  it.each([
    ['a separate subscription', [topic('Topic'), subscription('Sub', 'Topic')]],
    ['an inline subscription', [topic('Topic', { Subscription: [{ Protocol: 'https', Endpoint: 'https://x' }] })]],
  ])('passes an alarm topic with %s', (_, resources) => {
    const results = run(rule, inventory({ aws: [alarm('Cpu', { Ref: 'Topic' }), ...resources] }));
    expect(statusOf(results, 'Topic')).toBe('pass');
  });

  it('fails in prod, and warns in test, when nothing subscribes to the alarm topic', () => {
    const inv = inventory({ aws: [alarm('Cpu', { Ref: 'Topic' }), topic('Topic'), subscription('Other', 'Else')] });
    expect(statusOf(run(rule, inv, 'prod'), 'Topic')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'Topic')).toBe('warn');
  });

  it('ignores topics no alarm notifies, and skips when no alarm notifies any', () => {
    const inv = inventory({
      aws: [alarm('Cpu', { Ref: 'Topic' }), topic('Topic'), subscription('S', 'Topic'), topic('Unused')],
    });
    expect(statusOf(run(rule, inv), 'Unused')).toBeUndefined();
    expect(run(rule, inventory({ aws: [topic('Topic')] })).map((r) => r.status)).toEqual(['skip']);
  });

  it('is unknown about a topic outside the sources, and when SNS could not be read', () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:oncall';
    expect(statusOf(run(rule, inventory({ aws: [alarm('Cpu', arn)] })), arn)).toBe('unknown');
    const live = inventory({ mode: 'live', aws: [alarm('Cpu', arn)], awsTypes: ['AWS::CloudWatch::Alarm'] });
    expect(run(rule, live).map((r) => r.status)).toEqual(['unknown']);
  });
});

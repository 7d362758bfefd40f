import { z } from 'zod';
import type { AwsResource } from '../../inventory/types.js';
import { unknownAws } from '../support/coverage.js';
import { cfnText, textList } from '../support/iam.js';
import { awsResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether alarms must reach someone (alarms.enabled); else a topic nobody reads only warns. */
  required: z.boolean(),
});

const TYPES = ['AWS::CloudWatch::Alarm', 'AWS::SNS::Topic', 'AWS::SNS::Subscription'] as const;

/** `${LogicalId}` (a Ref or GetAtt in a template) or the ARN of each topic an alarm notifies. */
function alarmTargets(alarms: readonly AwsResource[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of alarms) {
    for (const field of ['AlarmActions', 'OKActions']) {
      for (const target of textList(a.properties[field])) {
        if (!target.startsWith('${') && !target.includes(':sns:')) continue;
        out.set(target, [...(out.get(target) ?? []), a.id]);
      }
    }
  }
  return out;
}

/** How a topic is referred to from alarms and subscriptions: its Ref, its ARN when known. */
function topicKeys(t: AwsResource): string[] {
  const keys = [`\${${t.id}}`];
  if (t.id.startsWith('arn:')) keys.push(t.id);
  const arn = cfnText(t.live?.TopicArn);
  if (arn) keys.push(arn);
  return keys;
}

function endpointsOf(topic: AwsResource, subscriptions: readonly AwsResource[]): string[] {
  const keys = topicKeys(topic);
  const inline = Array.isArray(topic.properties.Subscription) ? (topic.properties.Subscription as unknown[]) : [];
  const out = inline.map((s) => cfnText((s as { Protocol?: unknown }).Protocol) ?? 'subscription');
  for (const s of subscriptions) {
    const arn = cfnText(s.properties.TopicArn);
    if (arn && keys.includes(arn)) out.push(cfnText(s.properties.Protocol) ?? 'subscription');
  }
  return out.sort();
}

export default defineRule({
  meta: {
    id: 'observability.alarm-subscriptions',
    title: 'Every alarm topic has someone subscribed',
    category: 'observability',
    checklist: ['observability.alarms'],
    severity: { test: 'low', prod: 'high' },
    why: 'An alarm that publishes to a topic nobody subscribes to is silent: it fires, and nobody is told.',
    verified:
      'For every SNS topic that an alarm notifies (AlarmActions, OKActions), the sources hold at least one AWS::SNS::Subscription to it or an inline Subscription on the topic. A topic outside the sources (alarms.snsTopicArn) cannot be judged from them: unknown.',
    fix: 'List the on-call addresses in alarms.email, or point alarms.snsTopicArn at a topic that has a paging or chat subscription.',
    equivalents: {},
    params,
    defaults: (env) => ({ required: env.alarms.enabled }),
    needs: { aws: [...TYPES] },
  },
  check(inv, p) {
    const missing = unknownAws(inv, TYPES);
    if (missing) return missing;
    const targets = alarmTargets(inv.aws('AWS::CloudWatch::Alarm'));
    if (targets.size === 0) {
      return [result('skip', { awsType: 'AWS::SNS::Topic', id: '*' }, 'no alarm notifies a topic')];
    }
    const subscriptions = inv.aws('AWS::SNS::Subscription');
    const out: RuleResult[] = [];
    const judged = new Set<string>();
    for (const topic of inv.aws('AWS::SNS::Topic')) {
      const keys = topicKeys(topic).filter((k) => targets.has(k));
      if (keys.length === 0) continue;
      for (const k of keys) judged.add(k);
      const endpoints = endpointsOf(topic, subscriptions);
      out.push(
        endpoints.length > 0
          ? awsResult(
              'pass',
              topic,
              `alarms notify it and it has ${endpoints.length} subscription(s): ${endpoints.join(', ')}`,
            )
          : awsResult(
              p.required ? 'fail' : 'warn',
              topic,
              `alarms (${targets.get(keys[0])?.join(', ')}) notify it, but nothing subscribes to it: set alarms.email or alarms.snsTopicArn`,
            ),
      );
    }
    for (const [target, alarms] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
      if (judged.has(target) || target.startsWith('${')) continue;
      out.push(
        result(
          'unknown',
          { awsType: 'AWS::SNS::Topic', id: target },
          `alarms (${alarms.join(', ')}) notify a topic outside the sources; its subscriptions cannot be seen here`,
        ),
      );
    }
    return out;
  },
});

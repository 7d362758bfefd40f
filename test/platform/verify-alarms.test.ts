import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import { verify } from '../../src/rules/engine/verify.js';
import { RULES } from '../../src/rules/registry.js';
import { exampleEnv, resourcesOf, type Synthesized, synth } from './fixtures.js';

let prod: Synthesized;
beforeAll(async () => {
  prod = await synth(await exampleEnv('prod'));
});

const NOW = new Date('2026-06-01T12:00:00Z');

function verifyTemplate(template: Record<string, unknown>) {
  const inv = inventoryFromTexts([{ file: 'shop-prod-platform.template.json', text: JSON.stringify(template) }]);
  return verify(inv, { env: prod.env, rules: RULES, now: NOW });
}

describe('verify of the synthesized prod platform', () => {
  it('passes with zero failures', () => {
    const report = verifyTemplate(prod.template.toJSON());
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(report.summary.result).toBe('pass');
  });

  it('fails, naming the topic nobody is subscribed to, once the alarm subscription is removed', () => {
    const template = structuredClone(prod.template.toJSON()) as { Resources: Record<string, unknown> };
    const subs = resourcesOf(prod.template, 'AWS::SNS::Subscription').map(([id]) => id);
    expect(subs.length).toBeGreaterThan(0);
    for (const id of subs) delete template.Resources[id];
    const report = verifyTemplate(template);
    const [topicId] = resourcesOf(prod.template, 'AWS::SNS::Topic').map(([id]) => id);
    const failed = report.findings.filter((f) => f.status === 'fail');
    expect(failed.map((f) => f.ruleId)).toEqual(['observability.alarm-subscriptions']);
    expect(failed[0].subject).toMatchObject({ awsType: 'AWS::SNS::Topic', id: topicId });
    expect(failed[0].message).toContain('nothing subscribes');
    expect(report.summary.result).toBe('fail');
  });
});

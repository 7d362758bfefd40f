import { describe, expect, it } from 'vitest';
import { ALB_GROUP_TAG, albGroupName, publicWebApps } from '../../src/apps/alb-group.js';
import { synthesizeApps } from '../../src/apps/synth.js';
import { PRESETS } from '../../src/config/presets.js';
import { findNameClashes } from '../../src/platform/name-clashes.js';
import { exampleEnv, resourcesOf, synth, variantEnv } from './fixtures.js';

type Alarm = { Properties?: Record<string, unknown>; DependsOn?: string[] };

function target5xx(template: Parameters<typeof resourcesOf>[0]): Alarm | undefined {
  return resourcesOf(template, 'AWS::CloudWatch::Alarm')
    .map(([, a]) => a as Alarm)
    .find((a) => JSON.stringify(a.Properties?.Metrics ?? []).includes('HTTPCode_Target_5XX_Count'));
}

describe('ALB target 5XX alarm', () => {
  it('alarms in prod on a Metrics Insights query over the tag every generated Ingress puts on the ALB', async () => {
    const env = await exampleEnv('prod');
    const { template } = await synth(env);
    const alarm = target5xx(template);
    const metrics = (alarm?.Properties?.Metrics ?? []) as { Expression?: string }[];
    const query = String(metrics[0]?.Expression);
    expect(query).toContain(`WHERE tag.${ALB_GROUP_TAG} = '${albGroupName(env)}'`);
    expect(query).toContain('GROUP BY TargetGroup');
    // The generated Ingresses carry the same tag, from the same function.
    const ingresses = [...synthesizeApps(env).files]
      .filter(([file]) => file.endsWith('ingress.yaml'))
      .map(([, text]) => text);
    expect(ingresses.length).toBe(publicWebApps(env).length);
    for (const text of ingresses)
      expect(text).toContain(`alb.ingress.kubernetes.io/tags: ${ALB_GROUP_TAG}=${albGroupName(env)}`);
  });

  it('takes its threshold from alarms.target5xx and notifies the environment topic', async () => {
    const env = variantEnv('prod', (input) => {
      const prod = (input.environments as Record<string, Record<string, unknown>>).prod;
      prod.alarms = { ...(prod.alarms as object), target5xx: { count: 12, periodMinutes: 1, evaluationPeriods: 4 } };
    });
    const { template } = await synth(env);
    const p = target5xx(template)?.Properties ?? {};
    expect([p.Threshold, p.EvaluationPeriods, p.DatapointsToAlarm]).toEqual([12, 4, 4]);
    expect((p.Metrics as { Period?: number }[])[0].Period).toBe(60);
    const topic = resourcesOf(template, 'AWS::SNS::Topic').map(([id]) => id);
    expect(p.AlarmActions).toEqual([{ Ref: topic[0] }]);
    expect(p.OKActions).toEqual([{ Ref: topic[0] }]);
  });

  it('has stricter prod defaults than test', () => {
    expect(PRESETS.prod.alarms?.target5xx?.count).toBeLessThan(PRESETS.test.alarms?.target5xx?.count ?? 0);
  });

  it('turns on resource tags for telemetry before the alarm, kept when the stack is deleted', async () => {
    const { template } = await synth(await exampleEnv('prod'));
    const [[id, enrichment]] = resourcesOf(template, 'AWS::ObservabilityAdmin::TelemetryEnrichment');
    expect((enrichment as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
    expect(target5xx(template)?.DependsOn).toContain(id);
  });

  it('relies on an existing resource tags setting when told to', async () => {
    const env = variantEnv('prod', (input) => {
      const prod = (input.environments as Record<string, Record<string, unknown>>).prod;
      prod.alarms = { ...(prod.alarms as object), resourceTagsForTelemetry: 'existing' };
    });
    const { template } = await synth(env);
    expect(resourcesOf(template, 'AWS::ObservabilityAdmin::TelemetryEnrichment')).toEqual([]);
    expect(target5xx(template)).toBeDefined();
  });

  it('creates no 5XX alarm when no app is public, nor when alarms are off (test)', async () => {
    const internal = variantEnv('prod', (input) => {
      for (const app of input.apps as Record<string, unknown>[]) if (app.host) app.public = false;
    });
    expect(target5xx((await synth(internal)).template)).toBeUndefined();
    expect(target5xx((await synth(await exampleEnv('test'))).template)).toBeUndefined();
  });

  it('refuses two environments in one account and region that would both turn on resource tags for telemetry', () => {
    const enrichment = { Type: 'AWS::ObservabilityAdmin::TelemetryEnrichment', Properties: { Scope: 'ACCOUNT' } };
    const clashes = findNameClashes(
      ['test', 'prod'].map((environment) => ({
        environment,
        account: '111111111111',
        region: 'us-east-1',
        stackName: `shop-${environment}-platform`,
        template: { Resources: { E: enrichment } },
      })),
    );
    expect(clashes.map((c) => [c.type, c.setting, c.environments])).toEqual([
      ['AWS::ObservabilityAdmin::TelemetryEnrichment', 'alarms.resourceTagsForTelemetry', ['prod', 'test']],
    ]);
  });
});

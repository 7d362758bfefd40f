import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/ingress-error-alarms.js';
import { readsPerObject } from '../../support/counting.js';
import { aws, inventory, kobj, run, statusOf } from '../helpers.js';

const ingress = (name: string, annotations: Record<string, string>) =>
  kobj('Ingress', name, {
    metadata: {
      annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', ...annotations },
    },
    spec: { ingressClassName: 'alb', rules: [{ host: `${name}.example.com` }] },
  });
const tagged = (name: string, group = 'shop-prod') =>
  ingress(name, {
    'alb.ingress.kubernetes.io/group.name': group,
    'alb.ingress.kubernetes.io/tags': `SlipwayAlbGroup=${group}`,
  });
const insightsAlarm = (id: string, where: string, metric = 'HTTPCode_Target_5XX_Count') =>
  aws('AWS::CloudWatch::Alarm', id, {
    Metrics: [
      {
        Id: 'q',
        Expression: `SELECT SUM(${metric}) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup) WHERE ${where} GROUP BY TargetGroup`,
        Period: 300,
      },
    ],
    AlarmActions: [{ Ref: 'Topic' }],
  });
const dimensionAlarm = (id: string, loadBalancer: string) =>
  aws('AWS::CloudWatch::Alarm', id, {
    MetricName: 'HTTPCode_Target_5XX_Count',
    Namespace: 'AWS/ApplicationELB',
    Dimensions: [{ Name: 'LoadBalancer', Value: loadBalancer }],
  });

describe('observability.ingress-error-alarms', () => {
  it.each([
    [
      'a Metrics Insights alarm filtered by its ALB tag',
      tagged('www'),
      insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-prod'"),
    ],
    [
      'a quoted tag key',
      ingress('www', { 'alb.ingress.kubernetes.io/tags': 'team.io/app=www' }),
      insightsAlarm('A', `tag."team.io/app" = 'www'`),
    ],
    [
      'a metric alarm on its named load balancer',
      ingress('www', { 'alb.ingress.kubernetes.io/load-balancer-name': 'shop-www' }),
      dimensionAlarm('A', 'app/shop-www/50dc6c495c0c9188'),
    ],
  ])('passes a public Ingress covered by %s', (_, ing, alarm) => {
    expect(statusOf(run(rule, inventory({ kube: [ing], aws: [alarm] })), 'www')).toBe('pass');
  });

  it('passes every Ingress of a group when one member tags the shared ALB', () => {
    const untaggedMember = ingress('api', { 'alb.ingress.kubernetes.io/group.name': 'shop-prod' });
    const results = run(
      rule,
      inventory({
        kube: [tagged('www'), untaggedMember],
        aws: [insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-prod'")],
      }),
    );
    expect(statusOf(results, 'www')).toBe('pass');
    expect(statusOf(results, 'api')).toBe('pass');
  });

  it.each([
    ['no 5XX alarm at all', [aws('AWS::CloudWatch::Alarm', 'Cpu', { MetricName: 'node_cpu_utilization' })]],
    ['a 5XX alarm on another ALB tag', [insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-test'")]],
    [
      'a tag-filtered alarm on another metric',
      [insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-prod'", 'RequestCount')],
    ],
    ['a metric alarm on another load balancer', [dimensionAlarm('A', 'app/other/50dc6c495c0c9188')]],
  ])('fails in prod, and warns in test, a public Ingress with %s', (_, alarms) => {
    const inv = inventory({ kube: [tagged('www')], aws: alarms });
    expect(statusOf(run(rule, inv, 'prod'), 'www')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'www')).toBe('warn');
  });

  it('skips internal Ingresses and sources without public ones', () => {
    const internal = ingress('admin', { 'alb.ingress.kubernetes.io/scheme': 'internal' });
    const results = run(rule, inventory({ kube: [internal], aws: [] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
    expect(statusOf(results, 'admin')).toBeUndefined();
  });

  it('is unknown when alarms or Ingresses could not be read', () => {
    const alarmsDenied = inventory({
      mode: 'live',
      kube: [tagged('www')],
      kubeKinds: ['Ingress'],
      awsDenied: { 'AWS::CloudWatch::Alarm': 'AccessDenied: cloudwatch:DescribeAlarms' },
    });
    expect(run(rule, alarmsDenied).map((r) => r.status)).toEqual(['unknown']);
    const noKube = inventory({
      mode: 'live',
      aws: [insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-prod'")],
      awsTypes: ['AWS::CloudWatch::Alarm'],
    });
    expect(run(rule, noKube).map((r) => r.status)).toEqual(['unknown']);
  });
});

describe('observability.ingress-error-alarms at scale', () => {
  it('reads each Ingress of a 5,000-member group a bounded number of times, as for 500', () => {
    const statuses = new Set<string>();
    const alarms = [insightsAlarm('A', "tag.SlipwayAlbGroup = 'shop-prod'")];
    const [small, large] = readsPerObject(
      (n) => Array.from({ length: n }, (_, i) => tagged(`web-${i}`)),
      (objects) => {
        for (const r of run(rule, inventory({ kube: objects, aws: alarms }))) statuses.add(r.status);
      },
      [500, 5000],
    );
    expect([...statuses]).toEqual(['pass']);
    expect(large).toBeLessThan(small * 1.1);
  });

  it('matches each of 2,000 named load balancers to its own alarm, reading each alarm once', () => {
    const n = 2000;
    const ingresses = Array.from({ length: n }, (_, i) =>
      ingress(`web-${i}`, { 'alb.ingress.kubernetes.io/load-balancer-name': `lb-${i}` }),
    );
    let dimensionReads = 0;
    const alarms = Array.from({ length: n }, (_, i) => {
      const alarm = dimensionAlarm(`A${i}`, `app/lb-${i}/50dc6c495c0c9188`);
      const dims = alarm.properties.Dimensions as unknown[];
      Object.defineProperty(alarm.properties, 'Dimensions', {
        get: () => {
          dimensionReads++;
          return dims;
        },
      });
      return alarm;
    });
    const results = run(rule, inventory({ kube: ingresses, aws: alarms }));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['pass']));
    expect(results.find((r) => 'name' in r.subject && r.subject.name === 'web-7')?.message).toContain('A7');
    expect(dimensionReads).toBe(n);
  });
});

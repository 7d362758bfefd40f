import type { Construct } from 'constructs';
import { ALB_GROUP_TAG, albGroupName, publicWebApps } from '../apps/alb-group.js';
import type { EnvironmentConfig } from '../config/types.js';
import * as cloudwatch from './cdk/aws-cloudwatch.js';
import * as observabilityadmin from './cdk/aws-observabilityadmin.js';
import { Duration, RemovalPolicy } from './cdk/core.js';

/** The metric the alarm sums, per target group of the environment's ALB. */
export const TARGET_5XX_METRIC = 'HTTPCode_Target_5XX_Count';

/**
 * The Metrics Insights query of the environment's target 5XX alarm: the 5XX
 * responses of every target group of the ALB tagged with the environment's
 * IngressGroup, one time series per target group, so each app is a
 * contributor of its own and the alarm names the app that fails.
 */
export function target5xxQuery(env: Pick<EnvironmentConfig, 'project' | 'name'>): string {
  return (
    `SELECT SUM(${TARGET_5XX_METRIC}) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup) ` +
    `WHERE tag.${ALB_GROUP_TAG} = '${albGroupName(env)}' GROUP BY TargetGroup ORDER BY SUM() DESC`
  );
}

/**
 * The ALB target 5XX alarm of an environment with public web apps (none
 * otherwise). The ALB is made at run time by the Load Balancer Controller
 * when the apps' Ingresses are applied, after this stack, so its dimensions
 * are unknown here: the alarm is a Metrics Insights query that finds the ALB
 * by the tag every generated Ingress puts on it, and follows an ALB that is
 * replaced. Tag filters need CloudWatch resource tags for telemetry, which the
 * stack turns on (and keeps on when deleted) unless
 * `alarms.resourceTagsForTelemetry` is `existing`.
 */
export function target5xxAlarm(scope: Construct, env: EnvironmentConfig): cloudwatch.Alarm | undefined {
  const apps = publicWebApps(env);
  if (apps.length === 0) return undefined;
  const t = env.alarms.target5xx;
  const period = Duration.minutes(t.periodMinutes);
  const alarm = new cloudwatch.Alarm(scope, 'Target5xx', {
    alarmName: `${env.clusterName}-target-5xx`,
    alarmDescription:
      `${t.count} or more 5XX responses from one app's targets within ${t.periodMinutes} minutes, ` +
      `${t.evaluationPeriods} periods in a row (ALB group ${albGroupName(env)}; public apps: ${apps.map((a) => a.name).join(', ')})`,
    metric: new cloudwatch.MathExpression({ expression: target5xxQuery(env), usingMetrics: {}, period, label: '5XX' }),
    threshold: t.count,
    evaluationPeriods: t.evaluationPeriods,
    datapointsToAlarm: t.evaluationPeriods,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  if (env.alarms.resourceTagsForTelemetry === 'create') {
    const enrichment = new observabilityadmin.CfnTelemetryEnrichment(scope, 'ResourceTagsForTelemetry', {
      scope: 'ACCOUNT',
    });
    // Other alarms of the account may rely on it: deleting the stack leaves it on.
    enrichment.applyRemovalPolicy(RemovalPolicy.RETAIN);
    alarm.node.addDependency(enrichment);
  }
  return alarm;
}

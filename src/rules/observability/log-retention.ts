import { z } from 'zod';
import { PROD_REQUIREMENTS } from '../../config/presets.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { checkAwsResources } from '../support/aws-checks.js';
import { prodFloor } from '../support/env.js';
import { cfnText } from '../support/iam.js';
import { awsResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

/** The range a test environment keeps logs for: short, bounded (the guidance is 7–30 days for most uses). */
const TEST_RANGE = { min: 1, max: 30 } as const;

const params = z
  .object({
    minDays: z.number().int().min(1),
    maxDays: z.number().int().min(1),
  })
  .refine((v) => v.minDays <= v.maxDays, { message: 'minDays must not exceed maxDays' });

export default defineRule({
  meta: {
    id: 'observability.log-retention',
    title: 'Every log group has a retention within the environment range',
    category: 'observability',
    checklist: ['observability.log-retention'],
    pitfall: 7,
    severity: { test: 'medium', prod: 'high' },
    why: 'A log group without retention keeps every line forever and its cost grows without bound; too short a retention loses what an investigation needs.',
    verified:
      'Every AWS::Lambda::Function writes to a declared log group (LoggingConfig.LogGroup, or a group named /aws/lambda/<function>), and every AWS::Logs::LogGroup sets RetentionInDays, within the environment range (production 30–90 days, test 1–30 days, widened to include logs.retentionDays); longer than the range is a warning.',
    fix: 'Set logs.retentionDays in slipway.config.yaml (the platform applies it to every log group it creates); for groups created at runtime (Container Insights), create them up front or set a retention policy.',
    equivalents: { checkov: ['CKV_AWS_66'] },
    params,
    defaults: (env) => {
      const base = prodFloor(env) ? PROD_REQUIREMENTS.logRetentionDays : TEST_RANGE;
      return {
        minDays: Math.min(base.min, env.logs.retentionDays),
        maxDays: Math.max(base.max, env.logs.retentionDays),
      };
    },
    waivable: 'log-retention',
    needs: { aws: ['AWS::Logs::LogGroup', 'AWS::Lambda::Function'] },
  },
  check(inv, p) {
    const range = `${p.minDays}–${p.maxDays} days`;
    const functions = inv.aws('AWS::Lambda::Function').map((fn) => lambdaLogs(inv, fn, range));
    if (inv.aws('AWS::Logs::LogGroup').length === 0 && functions.length > 0) return functions;
    const groups = checkAwsResources(inv, 'AWS::Logs::LogGroup', 'log groups', (g) => {
      const days = g.properties.RetentionInDays;
      if (days === undefined || days === null) {
        return awsResult('fail', g, `no retention: logs are kept forever (expected ${range})`);
      }
      if (typeof days !== 'number') {
        return awsResult('unknown', g, 'RetentionInDays is not a plain number in the sources', ['RetentionInDays']);
      }
      if (days < p.minDays)
        return awsResult('fail', g, `keeps logs ${days} days; expected ${range}`, ['RetentionInDays']);
      if (days > p.maxDays) {
        return awsResult('warn', g, `keeps logs ${days} days, longer than ${range}`, ['RetentionInDays']);
      }
      return awsResult('pass', g, `keeps logs ${days} days`, ['RetentionInDays']);
    });
    return [...groups, ...functions];
  },
});

/** Whether a log group is the one a function writes to: named by LoggingConfig, or /aws/lambda/<the function>. */
function logsOf(inv: Inventory, fn: AwsResource): AwsResource | undefined {
  const configured = (fn.properties.LoggingConfig as { LogGroup?: unknown } | undefined)?.LogGroup;
  const groups = inv.aws('AWS::Logs::LogGroup');
  if (configured !== undefined) {
    const byRef = inv.resolve(configured);
    if (byRef?.type === 'AWS::Logs::LogGroup') return byRef;
    const name = cfnText(configured);
    return groups.find((g) => cfnText(g.properties.LogGroupName) === name);
  }
  const fnName = cfnText(fn.properties.FunctionName);
  const defaults = [`/aws/lambda/\${${fn.id}}`, ...(fnName ? [`/aws/lambda/${fnName}`] : [])];
  return groups.find((g) => defaults.includes(cfnText(g.properties.LogGroupName) ?? ''));
}

/** A function's logs: in a group the sources declare (judged as a log group), or in one Lambda creates without retention. */
function lambdaLogs(inv: Inventory, fn: AwsResource, range: string): RuleResult {
  const group = logsOf(inv, fn);
  if (group)
    return awsResult('pass', fn, `logs to ${group.id}, a log group with its own retention check`, ['LoggingConfig']);
  return awsResult(
    'fail',
    fn,
    `no log group is declared for this function: Lambda creates /aws/lambda/<function> at first run and keeps it forever (expected ${range}; set LoggingConfig.LogGroup to a group with retention)`,
    ['LoggingConfig'],
  );
}

import { z } from 'zod';
import { PROD_REQUIREMENTS } from '../../config/presets.js';
import { checkAwsResources } from '../support/aws-checks.js';
import { prodFloor } from '../support/env.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

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
      'Every AWS::Logs::LogGroup sets RetentionInDays, within the environment range (production 30–90 days, test 1–30 days, widened to include logs.retentionDays); longer than the range is a warning.',
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
    needs: { aws: ['AWS::Logs::LogGroup'] },
  },
  check(inv, p) {
    const range = `${p.minDays}–${p.maxDays} days`;
    return checkAwsResources(inv, 'AWS::Logs::LogGroup', 'log groups', (g) => {
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
  },
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/observability/log-retention.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const group = (id: string, days?: number) =>
  aws('AWS::Logs::LogGroup', id, {
    LogGroupName: `/aws/eks/${id}`,
    ...(days === undefined ? {} : { RetentionInDays: days }),
  });

describe('observability.log-retention', () => {
  it('fails a log group without retention (pitfall 7)', () => {
    expect(statusOf(run(rule, inventory({ aws: [group('G')] })), 'G')).toBe('fail');
  });

  it.each([
    [30, 'prod', 'pass'],
    [90, 'prod', 'pass'],
    [7, 'prod', 'fail'],
    [365, 'prod', 'warn'],
    [7, 'test', 'pass'],
    [90, 'test', 'warn'],
  ] as const)('judges %i days in %s as %s', (days, env, expected) => {
    expect(statusOf(run(rule, inventory({ aws: [group('G', days)] }), env), 'G')).toBe(expected);
  });

  it('is unknown for retention given as a template parameter', () => {
    const g = aws('AWS::Logs::LogGroup', 'G', { RetentionInDays: { Ref: 'Days' } });
    expect(statusOf(run(rule, inventory({ aws: [g] })), 'G')).toBe('unknown');
  });
});

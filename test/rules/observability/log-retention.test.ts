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

  it('fails a Lambda function without a declared log group: Lambda would create one without retention', () => {
    const fn = aws('AWS::Lambda::Function', 'Handler', { Runtime: 'python3.13' });
    const results = run(rule, inventory({ aws: [group('G', 30), fn] }));
    expect(statusOf(results, 'Handler')).toBe('fail');
    expect(statusOf(results, 'G')).toBe('pass');
  });

  it('passes a Lambda function whose LoggingConfig names a log group in the template', () => {
    const fn = aws('AWS::Lambda::Function', 'Handler', { LoggingConfig: { LogGroup: { Ref: 'G' } } });
    expect(statusOf(run(rule, inventory({ aws: [group('G', 30), fn] })), 'Handler')).toBe('pass');
  });

  it('passes a Lambda function with a group named /aws/lambda/<function>, and judges that group', () => {
    const fn = aws('AWS::Lambda::Function', 'Handler', {});
    const g = aws('AWS::Logs::LogGroup', 'HandlerLogs', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { Ref: 'Handler' }]] },
    });
    const results = run(rule, inventory({ aws: [fn, g] }));
    expect(statusOf(results, 'Handler')).toBe('pass');
    expect(statusOf(results, 'HandlerLogs')).toBe('fail');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/ecr-immutable-tags.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const mutable = aws('AWS::ECR::Repository', 'Api', { ImageTagMutability: 'MUTABLE' });

describe('infrastructure.ecr-immutable-tags', () => {
  it('fails mutable tags in prod and skips them in test', () => {
    expect(statusOf(run(rule, inventory({ aws: [mutable] }), 'prod'), 'Api')).toBe('fail');
    expect(statusOf(run(rule, inventory({ aws: [mutable] }), 'test'), 'Api')).toBe('skip');
  });

  it('passes immutable tags', () => {
    const repo = aws('AWS::ECR::Repository', 'Api', { ImageTagMutability: 'IMMUTABLE' });
    expect(statusOf(run(rule, inventory({ aws: [repo] })), 'Api')).toBe('pass');
  });

  it('skips a prod environment that imports its repositories from its registry home', () => {
    const results = run(rule, inventory({ aws: [aws('AWS::S3::Bucket', 'B', {})] }), 'prod', {
      registryHome: 'shared',
    });
    expect(results.map((r) => r.status)).toEqual(['skip']);
    expect(results[0].message).toContain('environment shared');
  });
});

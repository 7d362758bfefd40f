import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/ecr-scan-on-push.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

describe('infrastructure.ecr-scan-on-push', () => {
  it('passes a repository with ScanOnPush and fails one without', () => {
    const good = aws('AWS::ECR::Repository', 'Api', {
      RepositoryName: 'shop/api',
      ImageScanningConfiguration: { ScanOnPush: true },
    });
    const bad = aws('AWS::ECR::Repository', 'Web', { RepositoryName: 'shop/web' });
    const results = run(rule, inventory({ aws: [good, bad] }));
    expect(statusOf(results, 'Api')).toBe('pass');
    expect(statusOf(results, 'Web')).toBe('fail');
  });

  it('passes a repository covered by registry-level scanning', () => {
    const repo = aws('AWS::ECR::Repository', 'Web', { RepositoryName: 'shop/web' });
    const registry = aws('AWS::ECR::RegistryScanningConfiguration', 'Scan', {
      ScanType: 'ENHANCED',
      Rules: [{ ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: 'shop/*', FilterType: 'WILDCARD' }] }],
    });
    expect(statusOf(run(rule, inventory({ aws: [repo, registry] })), 'Web')).toBe('pass');
  });

  it('skips an environment that imports its repositories, naming the registry home', () => {
    const results = run(rule, inventory({ aws: [aws('AWS::S3::Bucket', 'B', {})] }), 'test', { registryHome: 'prod' });
    expect(results.map((r) => r.status)).toEqual(['skip']);
    expect(results[0].message).toContain('environment prod');
  });

  it('judges the repositories an importing environment sees (the live account)', () => {
    const repo = aws('AWS::ECR::Repository', 'Web', { RepositoryName: 'shop/web' });
    expect(statusOf(run(rule, inventory({ aws: [repo] }), 'test', { registryHome: 'prod' }), 'Web')).toBe('fail');
  });

  it('is unknown, not skipped, for an importing environment when no source read AWS resources', () => {
    expect(run(rule, inventory({}), 'test', { registryHome: 'prod' }).map((r) => r.status)).toEqual(['unknown']);
  });

  it('skips a template without repositories', () => {
    expect(run(rule, inventory({ aws: [aws('AWS::S3::Bucket', 'B', {})] })).map((r) => r.status)).toEqual(['skip']);
  });
});

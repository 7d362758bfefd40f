import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/operations/kubernetes-version.js';
import { aws, inventory, run, statusOf } from '../helpers.js';

const cluster = (version: string) => aws('AWS::EKS::Cluster', 'Cluster', { Version: version });
const at = (today: string, version: string, expected = version) =>
  statusOf(run(rule, inventory({ aws: [cluster(version)] }), 'prod', { today, expected }), 'Cluster');

describe('operations.kubernetes-version', () => {
  it('passes a version well inside standard support with a released successor', () => {
    expect(at('2026-01-15', '1.34')).toBe('pass');
  });

  it('warns within 90 days of the end of standard support', () => {
    expect(at('2026-10-01', '1.34')).toBe('warn');
  });

  it('warns in extended support and fails after it', () => {
    expect(at('2026-06-01', '1.31')).toBe('warn');
    expect(at('2026-12-01', '1.31')).toBe('fail');
  });

  it('warns when the cluster runs another version than the config asks for', () => {
    expect(at('2026-01-15', '1.34', '1.35')).toBe('warn');
  });

  it('warns about a version the table has no dates for', () => {
    expect(at('2026-01-15', '1.36')).toBe('warn');
  });

  it('reads a live platform version', () => {
    const live = aws('AWS::EKS::Cluster', 'Cluster', {}, { live: { version: '1.33' } });
    const results = run(rule, inventory({ aws: [live] }), 'prod', { today: '2025-12-01', expected: '1.33' });
    expect(statusOf(results, 'Cluster')).toBe('pass');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/ephemeral-storage.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

function withResources(resources: Record<string, unknown>) {
  return inventory({ kube: [deployment({ containers: [goodContainer('app', { resources })] })] });
}

describe('workloads.ephemeral-storage', () => {
  it('passes a container that requests and limits ephemeral storage', () => {
    const inv = withResources({ requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '2Gi' } });
    expect(statusOf(run(rule, inv), 'api')).toBe('pass');
  });

  it.each([
    [{ requests: { cpu: '100m' }, limits: { memory: '256Mi' } }],
    [{ requests: { 'ephemeral-storage': '1Gi' } }],
    [{ limits: { 'ephemeral-storage': '2Gi' } }],
  ])('warns when the request or the limit is missing: %j', (resources) => {
    expect(statusOf(run(rule, withResources(resources)), 'api')).toBe('warn');
  });
});

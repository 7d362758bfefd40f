import { describe, expect, it } from 'vitest';
import { appRunbookPath } from '../../../src/ops/runbook/paths.js';
import rule from '../../../src/rules/operations/runbooks.js';
import { cronJob, deployment, inventory, run, statusOf } from '../helpers.js';

describe('operations.runbooks', () => {
  it('passes a workload annotated with a runbook', () => {
    const d = deployment({ annotations: { 'slipway.io/runbook': 'https://wiki.example.com/runbooks/api' } });
    const results = run(rule, inventory({ kube: [d] }));
    expect(statusOf(results, 'api')).toBe('pass');
    expect(results[0].path).toEqual(['metadata', 'annotations', 'slipway.io/runbook']);
  });

  it('passes a workload whose annotation points into the generated runbook set', () => {
    const path = `runbooks/prod/${appRunbookPath({ namespace: 'shop', name: 'api' })}`;
    const d = deployment({ annotations: { 'slipway.io/runbook': path } });
    const results = run(rule, inventory({ kube: [d] }));
    expect(results.map((r) => r.status)).toEqual(['pass']);
    expect(results[0].message).toBe('runbook: runbooks/prod/apps/shop-api.md');
  });

  it('warns about workloads without a runbook', () => {
    const results = run(rule, inventory({ kube: [deployment(), cronJob()] }));
    expect(statusOf(results, 'api')).toBe('warn');
    expect(statusOf(results, 'report')).toBe('warn');
  });
});

import { describe, expect, it } from 'vitest';
import { awsResource } from '../../../src/inventory/memory.js';
import rule from '../../../src/rules/security/live-image-findings.js';
import { pod } from '../../support/kube-fixtures.js';
import { liveInventory, runRule, staticInventory, statuses } from '../../support/live-inventory.js';

const IMG = '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/orders:1.4.0';
const repo = (counts: Record<string, number>, status = 'COMPLETE') =>
  awsResource(
    'AWS::ECR::Repository',
    'arn:repo',
    { RepositoryName: 'shop/orders' },
    {
      live: { imageFindings: { [IMG]: { status, severityCounts: counts } } },
    },
  );
const inv = (counts: Record<string, number>, status?: string) =>
  liveInventory(
    [
      pod('orders-1', 'shop', { image: IMG }),
      pod('orders-2', 'shop', { image: IMG }),
      pod('web', 'shop', { image: 'nginx:1' }),
    ],
    {
      aws: [repo(counts, status)],
      kinds: ['Pod'],
      awsTypes: ['AWS::ECR::Repository'],
    },
  );

describe('security.live-image-findings', () => {
  it('fails a running image with critical findings in prod, once per image', async () => {
    const rs = await runRule(rule, inv({ CRITICAL: 2 }));
    expect(statuses(rs)).toEqual(['fail']);
    expect(rs[0].message).toContain('2 pods');
  });

  it('warns on critical findings in test and on high findings in prod; passes a clean image', async () => {
    expect(statuses(await runRule(rule, inv({ CRITICAL: 1 }), 'test'))).toEqual(['warn']);
    expect(statuses(await runRule(rule, inv({ HIGH: 3 })))).toEqual(['warn']);
    expect(statuses(await runRule(rule, inv({ LOW: 3 })))).toEqual(['pass']);
  });

  it('is unknown without a completed scan, and skips in static mode', async () => {
    expect(statuses(await runRule(rule, inv({}, 'ScanNotFound')))).toEqual(['unknown']);
    expect(statuses(await runRule(rule, staticInventory([pod('a', 'b', { image: IMG })])))).toEqual(['skip']);
  });
});

import { describe, expect, it } from 'vitest';
import { awsResource } from '../../../src/inventory/memory.js';
import rule from '../../../src/rules/observability/live-addons-active.js';
import { liveInventory, runRule, statuses } from '../../support/live-inventory.js';

const addon = (name: string, status?: string) =>
  awsResource('AWS::EKS::Addon', `addon/${name}`, { AddonName: name }, status ? { live: { status } } : {});

describe('observability.live-addons-active', () => {
  it('passes ACTIVE, warns UPDATING and fails DEGRADED add-ons', async () => {
    const inv = liveInventory([], {
      aws: [
        addon('vpc-cni', 'ACTIVE'),
        addon('coredns', 'UPDATING'),
        addon('amazon-cloudwatch-observability', 'DEGRADED'),
      ],
      awsTypes: ['AWS::EKS::Addon'],
    });
    expect(statuses(await runRule(rule, inv))).toEqual(['pass', 'warn', 'fail']);
  });

  it('is unknown when DescribeAddon was denied', async () => {
    const inv = liveInventory([], {
      coverage: { awsDenied: new Map([['AWS::EKS::Addon', 'AccessDenied: eks:DescribeAddon']]) },
    });
    const rs = await runRule(rule, inv);
    expect(statuses(rs)).toEqual(['unknown']);
    expect(rs[0].message).toContain('eks:DescribeAddon');
  });
});

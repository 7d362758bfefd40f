import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/live-unbound-pvc.js';
import { liveInventory, runRule, staticInventory, statuses } from '../../support/live-inventory.js';

const pvc = (name: string, phase?: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'db' },
  spec: {},
  ...(phase ? { status: { phase } } : {}),
});

describe('storage.live-unbound-pvc', () => {
  it('fails Pending and Lost claims and passes Bound ones', async () => {
    const inv = liveInventory([pvc('a', 'Bound'), pvc('b', 'Pending'), pvc('c', 'Lost')], {
      kinds: ['PersistentVolumeClaim'],
    });
    expect(statuses(await runRule(rule, inv))).toEqual(['pass', 'fail', 'fail']);
  });

  it('skips when the cluster has no claims and in static mode', async () => {
    expect(statuses(await runRule(rule, liveInventory([], { kinds: ['PersistentVolumeClaim'] })))).toEqual(['skip']);
    expect(statuses(await runRule(rule, staticInventory([pvc('a')])))).toEqual(['skip']);
  });
});

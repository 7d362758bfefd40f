import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/live-crashloop.js';
import { pod } from '../../support/kube-fixtures.js';
import { liveInventory, runRule, staticInventory, statuses } from '../../support/live-inventory.js';

describe('reliability.live-crashloop', () => {
  it('fails a pod whose container waits in CrashLoopBackOff', async () => {
    const rs = await runRule(
      rule,
      liveInventory([pod('api', 'shop', { restarts: 7, waiting: 'CrashLoopBackOff' })], { kinds: ['Pod'] }),
    );
    expect(statuses(rs)).toEqual(['fail']);
    expect(rs[0].subject).toEqual({ kind: 'Pod', namespace: 'shop', name: 'api', container: 'app' });
  });

  it('warns on restarts at the threshold and passes healthy pods with one summary', async () => {
    expect(statuses(await runRule(rule, liveInventory([pod('a', 's', { restarts: 50 })], { kinds: ['Pod'] })))).toEqual(
      ['warn'],
    );
    expect(statuses(await runRule(rule, liveInventory([pod('a', 's'), pod('b', 's')], { kinds: ['Pod'] })))).toEqual([
      'pass',
    ]);
  });

  it('is unknown when listing pods was forbidden', async () => {
    const inv = liveInventory([], {
      coverage: { kubeDenied: new Map([['Pod', 'forbidden: list pods at cluster scope (RBAC)']]) },
    });
    expect(statuses(await runRule(rule, inv))).toEqual(['unknown']);
  });

  it('skips in static mode, where restart state does not exist', async () => {
    const rs = await runRule(rule, staticInventory([pod('a', 's', { waiting: 'CrashLoopBackOff' })]));
    expect(statuses(rs)).toEqual(['skip']);
    expect(rs[0].message).toMatch(/--live/);
  });
});

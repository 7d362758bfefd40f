import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/live-externalsecret-sync.js';
import { liveInventory, runRule, staticInventory, statuses } from '../../support/live-inventory.js';

const es = (name: string, status?: unknown) => ({
  apiVersion: 'external-secrets.io/v1beta1',
  kind: 'ExternalSecret',
  metadata: { name, namespace: 'shop' },
  spec: {},
  ...(status ? { status } : {}),
});

describe('security.live-externalsecret-sync', () => {
  it('passes Ready=True, fails Ready=False and warns when never reconciled', async () => {
    const inv = liveInventory(
      [
        es('ok', { conditions: [{ type: 'Ready', status: 'True' }], refreshTime: '2025-01-01T00:00:00Z' }),
        es('bad', {
          conditions: [{ type: 'Ready', status: 'False', reason: 'SecretSyncedError', message: 'not found' }],
        }),
        es('new'),
      ],
      { kinds: ['ExternalSecret'] },
    );
    const rs = await runRule(rule, inv);
    expect(Object.fromEntries(rs.map((r) => [('name' in r.subject && r.subject.name) || '', r.status]))).toEqual({
      ok: 'pass',
      bad: 'fail',
      new: 'warn',
    });
  });

  it('is unknown when ExternalSecrets could not be listed, and skips in static mode', async () => {
    const denied = liveInventory([], { coverage: { kubeDenied: new Map([['ExternalSecret', 'forbidden']]) } });
    expect(statuses(await runRule(rule, denied))).toEqual(['unknown']);
    expect(statuses(await runRule(rule, staticInventory([es('x')])))).toEqual(['skip']);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/oversized-volumes.js';
import { inventory, kobj, run, statefulSet, statusOf } from '../helpers.js';

const claim = (name: string, size: string) =>
  kobj('PersistentVolumeClaim', name, { spec: { resources: { requests: { storage: size } } } });

describe('storage.oversized-volumes', () => {
  it('warns about a 500Gi claim in prod (pitfall 6) and passes 100Gi', () => {
    const results = run(rule, inventory({ kube: [claim('big', '500Gi'), claim('ok', '100Gi')] }), 'prod');
    expect(statusOf(results, 'big')).toBe('warn');
    expect(statusOf(results, 'ok')).toBe('pass');
  });

  it('uses the environment limit: 100Gi is oversized in test', () => {
    expect(statusOf(run(rule, inventory({ kube: [claim('ok', '100Gi')] }), 'test'), 'ok')).toBe('warn');
  });

  it('checks StatefulSet claim templates', () => {
    const sts = statefulSet({
      spec: {
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Ti' } } } }],
      },
    });
    const results = run(rule, inventory({ kube: [sts] }));
    expect(statusOf(results, 'db')).toBe('warn');
    expect(results[0].path).toEqual(['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage']);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/oversized-volumes.js';
import { inventory, kobj, type Obj, run, statefulSet, statusOf } from '../helpers.js';

const claim = (name: string, size: string, storageClassName?: string) =>
  kobj('PersistentVolumeClaim', name, {
    spec: { resources: { requests: { storage: size } }, ...(storageClassName ? { storageClassName } : {}) },
  });
const storageClass = (name: string, provisioner: string, isDefault = false) =>
  kobj(
    'StorageClass',
    name,
    {
      provisioner,
      ...(isDefault ? { metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } } : {}),
    },
    '',
  );
const fsx = storageClass('fsx-lustre', 'fsx.csi.aws.com');
const efs = storageClass('efs', 'efs.csi.aws.com');

describe('storage.oversized-volumes', () => {
  it('warns about a 500Gi claim in prod (pitfall 6) and passes 100Gi', () => {
    const results = run(rule, inventory({ kube: [claim('big', '500Gi'), claim('ok', '100Gi')] }), 'prod');
    expect(statusOf(results, 'big')).toBe('warn');
    expect(statusOf(results, 'ok')).toBe('pass');
  });

  it('uses the environment limit: 100Gi is oversized in test', () => {
    expect(statusOf(run(rule, inventory({ kube: [claim('ok', '100Gi')] }), 'test'), 'ok')).toBe('warn');
  });

  it.each<[string, Obj[], string]>([
    ['an FSx for Lustre claim at its 1200Gi minimum', [fsx, claim('c', '1200Gi', 'fsx-lustre')], 'pass'],
    [
      'an FSx for Lustre claim of 1.2Ti (1228.8Gi, above the minimum)',
      [fsx, claim('c', '1.2Ti', 'fsx-lustre')],
      'warn',
    ],
    ['an FSx for Lustre claim below its minimum', [fsx, claim('c', '100Gi', 'fsx-lustre')], 'warn'],
    ['an FSx for Lustre claim of 4800Gi', [fsx, claim('c', '4800Gi', 'fsx-lustre')], 'warn'],
    [
      'a claim naming no class, with FSx the default',
      [storageClass('lustre', 'fsx.csi.aws.com', true), claim('c', '1200Gi')],
      'pass',
    ],
    ['an EBS claim of 1200Gi', [storageClass('gp3', 'ebs.csi.aws.com'), claim('c', '1200Gi', 'gp3')], 'warn'],
    ['a 1200Gi claim whose class is not in the sources', [claim('c', '1200Gi', 'fsx-lustre')], 'warn'],
    ['an EFS claim of 5Ti (EFS ignores the size)', [efs, claim('c', '5Ti', 'efs')], 'skip'],
  ])('%s: %s', (_, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube }), 'prod'), 'c')).toBe(expected);
  });

  it('takes a per-provisioner limit from the params', () => {
    const provisioners = { 'fsx.csi.aws.com': { minGi: 1200, maxGi: 4800 } };
    const results = run(rule, inventory({ kube: [fsx, claim('c', '4800Gi', 'fsx-lustre')] }), 'prod', {
      provisioners,
    });
    expect(statusOf(results, 'c')).toBe('pass');
  });

  it('checks StatefulSet claim templates, through their class', () => {
    const sts = (storageClassName?: string) =>
      statefulSet({
        spec: {
          volumeClaimTemplates: [
            { metadata: { name: 'data' }, spec: { storageClassName, resources: { requests: { storage: '1200Gi' } } } },
          ],
        },
      });
    const results = run(rule, inventory({ kube: [sts()] }));
    expect(statusOf(results, 'db')).toBe('warn');
    expect(results[0].path).toEqual(['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage']);
    expect(statusOf(run(rule, inventory({ kube: [fsx, sts('fsx-lustre')] })), 'db')).toBe('pass');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/gp3-volumes.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const sc = (name: string, body: Record<string, unknown>) => kobj('StorageClass', name, body, undefined);
const isDefault = { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } };

describe('storage.gp3-volumes', () => {
  it('passes a gp3 class and the CSI default type', () => {
    const gp3 = sc('gp3', { provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' } });
    const untyped = sc('ebs', { provisioner: 'ebs.csi.aws.com' });
    const results = run(rule, inventory({ kube: [gp3, untyped] }));
    expect(statusOf(results, 'gp3')).toBe('pass');
    expect(statusOf(results, 'ebs')).toBe('pass');
  });

  it('fails a default gp2 class, including the in-tree one without a type', () => {
    const gp2 = sc('gp2', { metadata: isDefault, provisioner: 'kubernetes.io/aws-ebs' });
    expect(statusOf(run(rule, inventory({ kube: [gp2] })), 'gp2')).toBe('fail');
  });

  it('fails a gp2 class a claim uses, and warns about an unused one', () => {
    const gp2 = sc('old', { provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp2' } });
    const claim = kobj('PersistentVolumeClaim', 'data', {
      spec: { storageClassName: 'old', resources: { requests: { storage: '10Gi' } } },
    });
    expect(statusOf(run(rule, inventory({ kube: [gp2, claim] })), 'old')).toBe('fail');
    expect(statusOf(run(rule, inventory({ kube: [gp2] })), 'old')).toBe('warn');
  });
});

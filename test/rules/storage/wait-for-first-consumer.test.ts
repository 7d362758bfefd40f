import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/wait-for-first-consumer.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const sc = (name: string, body: Record<string, unknown>) => kobj('StorageClass', name, body, undefined);

describe('storage.wait-for-first-consumer', () => {
  it('passes an EBS class with WaitForFirstConsumer and fails one binding immediately', () => {
    const good = sc('gp3', { provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' });
    const bad = sc('fast', { provisioner: 'ebs.csi.aws.com' });
    const results = run(rule, inventory({ kube: [good, bad] }));
    expect(statusOf(results, 'gp3')).toBe('pass');
    expect(statusOf(results, 'fast')).toBe('fail');
  });

  it('ignores classes of other provisioners', () => {
    const efs = sc('efs', { provisioner: 'efs.csi.aws.com' });
    expect(run(rule, inventory({ kube: [efs] })).map((r) => r.status)).toEqual(['skip']);
  });
});

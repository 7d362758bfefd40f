import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { provisionerOf } from '../support/storage.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Provisioners of zonal volumes (EBS) whose classes must wait for the pod. */
  zonalProvisioners: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'storage.wait-for-first-consumer',
    title: 'EBS StorageClasses bind volumes when the pod is scheduled',
    category: 'storage',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: 'An EBS volume lives in one zone; created before the pod is scheduled it may land in a zone where the pod cannot run, and the pod stays Pending.',
    verified: 'Every StorageClass with an EBS provisioner sets volumeBindingMode: WaitForFirstConsumer.',
    fix: 'Set volumeBindingMode: WaitForFirstConsumer on the class (the platform storage classes do); existing classes must be recreated, the field is immutable.',
    equivalents: {},
    params,
    defaults: () => ({ zonalProvisioners: ['ebs.csi.aws.com', 'kubernetes.io/aws-ebs'] }),
    needs: { kube: ['StorageClass'] },
  },
  check(inv, p) {
    const classes = inv.kube('StorageClass').filter((sc) => p.zonalProvisioners.includes(provisionerOf(sc)));
    if (classes.length === 0) return nothingToCheck(inv, ['StorageClass'], 'EBS StorageClasses');
    const out: RuleResult[] = [];
    for (const sc of classes) {
      const mode = sc.object.volumeBindingMode;
      out.push(
        mode === 'WaitForFirstConsumer'
          ? kubeResult('pass', sc, 'binds volumes when the first pod is scheduled', ['volumeBindingMode'])
          : kubeResult(
              'fail',
              sc,
              `volumeBindingMode is ${typeof mode === 'string' ? mode : 'Immediate (the default)'}`,
              mode ? ['volumeBindingMode'] : [],
            ),
      );
    }
    return out;
  },
});

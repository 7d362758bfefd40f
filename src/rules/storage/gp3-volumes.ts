import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { EBS_PROVISIONERS, ebsVolumeType, isDefaultClass, provisionerOf } from '../support/storage.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Volume types to move away from. */
  legacyTypes: z.array(z.string()).min(1),
});

interface ClaimSpec {
  storageClassName?: string;
}

export default defineRule({
  meta: {
    id: 'storage.gp3-volumes',
    title: 'EBS volumes use gp3, not gp2',
    category: 'storage',
    checklist: [],
    severity: { test: 'low', prod: 'medium' },
    why: 'gp3 costs about 20% less than gp2 and gives 3000 IOPS regardless of size; gp2 ties performance to size.',
    verified:
      'No EBS StorageClass that is the default or that a claim (or StatefulSet claim template) uses creates gp2 volumes (parameters.type gp2, or the in-tree provisioner without a type); an unused gp2 class is a warning.',
    fix: 'Use a gp3 class (type: gp3) as default and in claims; remove the default annotation from gp2.',
    equivalents: {},
    params,
    defaults: () => ({ legacyTypes: ['gp2'] }),
    needs: { kube: ['StorageClass', 'PersistentVolumeClaim', 'StatefulSet'] },
  },
  check(inv, p) {
    const classes = inv.kube('StorageClass').filter((sc) => EBS_PROVISIONERS.includes(provisionerOf(sc)));
    if (classes.length === 0) return nothingToCheck(inv, ['StorageClass'], 'EBS StorageClasses');
    const used = new Set<string>();
    for (const pvc of inv.kube('PersistentVolumeClaim')) {
      const name = (pvc.object.spec as ClaimSpec | undefined)?.storageClassName;
      if (name) used.add(name);
    }
    for (const sts of inv.kube('StatefulSet')) {
      const templates = (sts.object.spec as { volumeClaimTemplates?: { spec?: ClaimSpec }[] } | undefined)
        ?.volumeClaimTemplates;
      for (const t of templates ?? []) if (t.spec?.storageClassName) used.add(t.spec.storageClassName);
    }
    const out: RuleResult[] = [];
    for (const sc of classes) out.push(judge(sc, used, p.legacyTypes));
    return out;
  },
});

function judge(sc: KubeResource, used: Set<string>, legacy: readonly string[]): RuleResult {
  const type = ebsVolumeType(sc);
  const path = (sc.object.parameters as Record<string, unknown> | undefined)?.type ? ['parameters', 'type'] : [];
  if (!legacy.includes(type)) return kubeResult('pass', sc, `creates ${type} volumes`, path);
  if (isDefaultClass(sc)) return kubeResult('fail', sc, `the default StorageClass creates ${type} volumes`, path);
  if (used.has(sc.object.metadata.name)) return kubeResult('fail', sc, `claims use this ${type} class`, path);
  return kubeResult('warn', sc, `creates ${type} volumes (no claim in the sources uses it)`, path);
}

import { z } from 'zod';
import type { KubeResource } from '../../inventory/types.js';
import type { ValuePath } from '../../util/paths.js';
import { nothingToCheck } from '../support/coverage.js';
import { parseQuantity, toGi } from '../support/quantity.js';
import { kubeResult } from '../support/results.js';
import { claimClass, provisionerOf } from '../support/storage.js';
import { defineRule, type RuleResult } from '../types.js';

const sizing = z.object({
  /** Smallest volume the provisioner creates (GiB): a claim at this size is not oversized, one below it is billed for it. */
  minGi: z.number().positive().optional(),
  /** Claims above this (GiB) are reported for this provisioner (default: maxGi, or minGi when larger). */
  maxGi: z.number().positive().optional(),
  /** The provisioner ignores the requested size (EFS grows with its data): nothing to judge. */
  sizeIgnored: z.boolean().optional(),
});

const params = z.object({
  /** Claims larger than this (GiB) are reported (workloads.maxVolumeGi). */
  maxGi: z.number().positive(),
  /** Sizing by StorageClass provisioner, for storage types whose sizes differ from EBS. */
  provisioners: z.record(z.string(), sizing),
});

type Params = z.infer<typeof params>;

interface ClaimSpec {
  storageClassName?: string | null;
  resources?: { requests?: { storage?: unknown } };
}

interface Verdict {
  readonly status: 'pass' | 'warn' | 'skip';
  readonly text: string;
}

/** The verdict on one claim of `size` through `sc` (undefined when the size is not a quantity). */
function judge(p: Params, size: unknown, what: string, sc: KubeResource | undefined): Verdict | undefined {
  const provisioner = sc ? provisionerOf(sc) : '';
  const own = Object.hasOwn(p.provisioners, provisioner) ? p.provisioners[provisioner] : undefined;
  if (own?.sizeIgnored) {
    return { status: 'skip', text: `${what} uses ${provisioner}, which ignores the requested size` };
  }
  const bytes = parseQuantity(size);
  if (bytes === undefined) return undefined;
  const gi = toGi(bytes);
  const shown = `${what} requests ${String(size)}`;
  if (own?.minGi !== undefined && gi < own.minGi) {
    return {
      status: 'warn',
      text: `${shown}, below the ${own.minGi}Gi that ${provisioner} creates at least: the volume is ${own.minGi}Gi and billed as such`,
    };
  }
  const max = own?.maxGi ?? Math.max(p.maxGi, own?.minGi ?? 0);
  if (gi > max) {
    const where = own ? ` for ${provisioner}` : '';
    return { status: 'warn', text: `${shown} (${gi.toFixed(0)}Gi), above ${max}Gi${where}` };
  }
  const floor = own?.minGi !== undefined && gi <= own.minGi ? ` (the smallest size ${provisioner} creates)` : '';
  return { status: 'pass', text: `${shown}${floor}` };
}

const STORAGE: ValuePath = ['spec', 'resources', 'requests', 'storage'];

export default defineRule({
  meta: {
    id: 'storage.oversized-volumes',
    title: 'Volume claims are not oversized for their storage type',
    category: 'storage',
    checklist: [],
    pitfall: 6,
    severity: { test: 'low', prod: 'medium' },
    why: 'EBS bills the provisioned size, not what is used, and a volume can grow but never shrink: start small and expand. Other storage types size differently: FSx for Lustre starts at 1200Gi, so that is the smallest claim, not an oversized one, and EFS ignores the requested size.',
    verified:
      "No PersistentVolumeClaim or StatefulSet volumeClaimTemplate requests more than workloads.maxVolumeGi (a warning, since some data sets are large). The claim's StorageClass (its storageClassName, or the default class) picks sizing by provisioner: fsx.csi.aws.com claims may request up to its minimum (1200Gi) and below it are a warning (the volume is created, and billed, at the minimum); efs.csi.aws.com claims are skipped.",
    fix: 'Request what the data needs for the coming months and expand later (allowVolumeExpansion is on in the platform classes); raise workloads.maxVolumeGi, or the provisioner entry under verify.rules.storage.oversized-volumes.params.provisioners, if large volumes are intended.',
    equivalents: {},
    params,
    defaults: (env): Params => ({
      maxGi: env.workloads.maxVolumeGi,
      provisioners: { 'fsx.csi.aws.com': { minGi: 1200 }, 'efs.csi.aws.com': { sizeIgnored: true } },
    }),
    needs: { kube: ['PersistentVolumeClaim', 'StatefulSet', 'StorageClass'] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const classes = inv.kube('StorageClass');
    for (const pvc of inv.kube('PersistentVolumeClaim')) {
      const spec = pvc.object.spec as ClaimSpec | undefined;
      const j = judge(p, spec?.resources?.requests?.storage, 'the claim', claimClass(classes, spec?.storageClassName));
      if (j) out.push(kubeResult(j.status, pvc, j.text, STORAGE));
    }
    for (const sts of inv.kube('StatefulSet')) {
      const templates =
        (sts.object.spec as { volumeClaimTemplates?: ({ metadata?: { name?: string } } & { spec?: ClaimSpec })[] })
          ?.volumeClaimTemplates ?? [];
      templates.forEach((t, i) => {
        const sc = claimClass(classes, t.spec?.storageClassName);
        const j = judge(p, t.spec?.resources?.requests?.storage, `claim template ${t.metadata?.name ?? i}`, sc);
        if (j) out.push(kubeResult(j.status, sts, j.text, ['spec', 'volumeClaimTemplates', i, ...STORAGE]));
      });
    }
    return out.length > 0 ? out : nothingToCheck(inv, ['PersistentVolumeClaim'], 'volume claims');
  },
});

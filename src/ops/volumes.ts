import type { Inventory } from '../inventory/inventory.js';
import type { KubeResource } from '../inventory/types.js';
import { parseQuantity, toGi } from '../rules/support/quantity.js';
import { EBS_PROVISIONERS, ebsVolumeType, isDefaultClass, provisionerOf } from '../rules/support/storage.js';
import type { VolumeFacts } from './cost/facts.js';
import { known, unknownFact } from './facts.js';

interface ClaimSpec {
  readonly storageClassName?: string;
  readonly resources?: { readonly requests?: { readonly storage?: unknown } };
}

/** Tags a StorageClass puts on its volumes: the EBS CSI driver's `tagSpecification_N: key=value` parameters. */
export function classTags(sc: KubeResource | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const params = (sc?.object.parameters ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(params)) {
    if (!/^tagSpecification_\d+$/.test(k) || typeof v !== 'string') continue;
    const at = v.indexOf('=');
    if (at > 0) out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}

/** Claim names the workloads' pod templates mount, per namespace. */
function mountedClaims(inv: Inventory): Set<string> {
  const out = new Set<string>();
  for (const w of inv.workloads()) {
    for (const v of (w.template.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[]) {
      const name = v.persistentVolumeClaim?.claimName;
      if (name) out.add(`${w.namespace}/${name}`);
    }
  }
  return out;
}

/**
 * Every persistent volume the objects show: PersistentVolumeClaims, and the
 * claims each StatefulSet's templates will create (one per replica), with the
 * class's EBS volume type and tags. Static inputs show no usage.
 */
export function volumesFromInventory(inv: Inventory): VolumeFacts[] {
  const classes = new Map(inv.kube('StorageClass').map((sc) => [sc.object.metadata.name, sc]));
  const fallback = inv.kube('StorageClass').find(isDefaultClass);
  const classOf = (name: string | undefined) => (name ? classes.get(name) : fallback);
  const typeOf = (name: string | undefined) => {
    const sc = classOf(name);
    if (!sc) {
      return unknownFact<string>(
        name ? `StorageClass ${name} is not among the sources` : 'no default StorageClass among the sources',
      );
    }
    if (!EBS_PROVISIONERS.includes(provisionerOf(sc))) return unknownFact<string>(`${provisionerOf(sc)} is not EBS`);
    return known(ebsVolumeType(sc));
  };
  const statefulSets = inv.kube('StatefulSet');
  const mounted = mountedClaims(inv);
  const out: VolumeFacts[] = [];
  for (const pvc of inv.kube('PersistentVolumeClaim')) {
    const spec = (pvc.object.spec ?? {}) as ClaimSpec;
    const ns = pvc.object.metadata.namespace ?? 'default';
    const phase = (pvc.object.status as { phase?: string } | undefined)?.phase;
    const name = pvc.object.metadata.name;
    const ofStatefulSet = statefulSets.find(
      (s) =>
        (s.object.metadata.namespace ?? 'default') === ns && new RegExp(`-${s.object.metadata.name}-\\d+$`).test(name),
    );
    out.push({
      namespace: ns,
      claim: name,
      storageClass: spec.storageClassName ?? classOf(undefined)?.object.metadata.name,
      volumeType: typeOf(spec.storageClassName),
      sizeGi: toGi(parseQuantity(spec.resources?.requests?.storage) ?? 0),
      phase: phase === 'Pending' || phase === 'Bound' || phase === 'Lost' ? phase : 'planned',
      mounted: known(ofStatefulSet !== undefined || mounted.has(`${ns}/${name}`)),
      usedGi: unknownFact('used bytes need the live cluster (kubelet volume stats)'),
      ...(ofStatefulSet ? { statefulSet: ofStatefulSet.object.metadata.name } : {}),
      tags: classTags(classOf(spec.storageClassName)),
    });
  }
  for (const sts of statefulSets) {
    const spec = (sts.object.spec ?? {}) as {
      replicas?: number;
      volumeClaimTemplates?: { metadata?: { name?: string }; spec?: ClaimSpec }[];
    };
    const ns = sts.object.metadata.namespace ?? 'default';
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    for (const t of spec.volumeClaimTemplates ?? []) {
      for (let i = 0; i < replicas; i++) {
        const claim = `${t.metadata?.name ?? 'data'}-${sts.object.metadata.name}-${i}`;
        if (out.some((v) => v.namespace === ns && v.claim === claim)) continue;
        out.push({
          namespace: ns,
          claim,
          storageClass: t.spec?.storageClassName ?? classOf(undefined)?.object.metadata.name,
          volumeType: typeOf(t.spec?.storageClassName),
          sizeGi: toGi(parseQuantity(t.spec?.resources?.requests?.storage) ?? 0),
          phase: 'planned',
          mounted: known(true),
          usedGi: unknownFact('used bytes need the live cluster (kubelet volume stats)'),
          statefulSet: sts.object.metadata.name,
          tags: classTags(classOf(t.spec?.storageClassName)),
        });
      }
    }
  }
  return out.sort((a, b) => `${a.namespace}/${a.claim}`.localeCompare(`${b.namespace}/${b.claim}`));
}

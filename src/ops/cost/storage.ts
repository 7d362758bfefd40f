import type { Fact } from '../facts.js';
import type { SnapshotFacts, VolumeFacts } from './facts.js';
import type { CostParams } from './params.js';
import type { PriceTable } from './prices.js';
import type { CostItem } from './report-types.js';
import { cents, ebsGbMonth } from './unit-prices.js';

/**
 * Storage: gp2 volumes (gp3 costs less for the same size), claims no pod
 * mounts, Pending claims, claims above the size limit, and snapshots kept
 * past retention.
 */
export function storage(
  volumes: readonly VolumeFacts[],
  snapshots: Fact<readonly SnapshotFacts[]>,
  prices: PriceTable | undefined,
  p: CostParams,
): CostItem[] {
  const items: CostItem[] = [];
  for (const v of volumes) {
    const object = { kind: 'PersistentVolumeClaim', namespace: v.namespace, name: v.claim };
    const type = v.volumeType.state === 'read' ? v.volumeType.value : undefined;
    const price = type ? ebsGbMonth(prices, type) : undefined;
    const noPrice = type
      ? `no ${type} price for this region in the table`
      : `the volume type is not known (${v.volumeType.state === 'unknown' ? v.volumeType.reason : ''})`;
    if (type === 'gp2') {
      const gp3 = ebsGbMonth(prices, 'gp3');
      items.push({
        area: 'storage',
        code: 'storage.gp2',
        object,
        what: `${v.sizeGi} GiB gp2 volume (class ${v.storageClass ?? 'default'})`,
        recommendation:
          'use a gp3 StorageClass; an existing volume changes type in place: aws ec2 modify-volume --volume-type gp3 --volume-id <id>',
        ...(price === undefined || gp3 === undefined
          ? { unpriced: noPrice }
          : { monthlySaving: cents(v.sizeGi * (price - gp3)) }),
      });
    }
    if (v.phase === 'Pending') {
      items.push({
        area: 'storage',
        code: 'storage.pending-claim',
        object,
        what: `claim of ${v.sizeGi} GiB is Pending`,
        recommendation: `kubectl describe pvc ${v.claim} -n ${v.namespace}: bind it (class, zone, quota) or delete it`,
        unpriced: 'a Pending claim has no volume yet; it costs nothing until it binds',
      });
    }
    if (v.phase !== 'Pending' && v.mounted.state === 'read' && !v.mounted.value) {
      items.push({
        area: 'storage',
        code: 'storage.unmounted',
        object,
        what: `${v.sizeGi} GiB ${type ?? ''} volume that no workload mounts`.replace('  ', ' '),
        recommendation: `snapshot it if the data matters, then delete the claim: kubectl delete pvc ${v.claim} -n ${v.namespace}`,
        ...(price === undefined ? { unpriced: noPrice } : { monthlySaving: cents(v.sizeGi * price) }),
      });
    }
    if (v.sizeGi > p.maxVolumeGi) {
      const used = v.usedGi.state === 'read' ? v.usedGi.value : undefined;
      const target = used === undefined ? undefined : Math.max(1, Math.ceil(used * (1 + p.volumeHeadroom)));
      items.push({
        area: 'storage',
        code: 'storage.oversized-claim',
        object,
        what: `claims ${v.sizeGi} GiB, above the ${p.maxVolumeGi} GiB limit${used === undefined ? '' : `; ${used.toFixed(1)} GiB used`}`,
        recommendation:
          target === undefined
            ? 'check what it uses (kubectl exec … df -h); EBS volumes cannot shrink, so move the data to a smaller claim'
            : `move the data to a ${target} GiB claim (EBS volumes cannot shrink in place)`,
        ...(target !== undefined && target < v.sizeGi && price !== undefined
          ? { monthlySaving: cents((v.sizeGi - target) * price) }
          : { unpriced: used === undefined ? 'used bytes are not known' : noPrice }),
      });
    }
  }
  if (snapshots.state === 'read') {
    for (const s of snapshots.value) {
      if (s.ageDays <= p.snapshotRetentionDays) continue;
      items.push({
        area: 'storage',
        code: 'storage.snapshot-past-retention',
        object: { kind: 'EBSSnapshot', name: s.id },
        what: `${s.ageDays} days old (${s.sizeGi} GiB${s.volumeId ? ` of ${s.volumeId}` : ''}); retention is ${p.snapshotRetentionDays} days`,
        recommendation: `delete it if no plan needs it: aws ec2 delete-snapshot --snapshot-id ${s.id}`,
        ...(prices
          ? { monthlySaving: cents(s.sizeGi * prices.snapshotGbMonth) }
          : { unpriced: 'no price table for this region' }),
      });
    }
  }
  return items;
}

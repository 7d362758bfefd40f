import type { Volume } from '@aws-sdk/client-ec2';
import { mapLimit } from '../../aws/paging.js';
import type { AwsReader } from '../../aws/read-context.js';
import { describeVolumes } from '../../aws/readers/ec2.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { KubeObject } from '../../inventory/types.js';

/** The EBS volume id behind a PersistentVolume: the EBS CSI volume handle, or the in-tree `aws://zone/vol-…`. */
export function ebsVolumeIdOf(pv: KubeObject): string | undefined {
  const spec = (pv.spec ?? {}) as {
    csi?: { driver?: string; volumeHandle?: string };
    awsElasticBlockStore?: { volumeID?: string };
  };
  if (spec.csi?.driver === 'ebs.csi.aws.com' && spec.csi.volumeHandle) return spec.csi.volumeHandle;
  const inTree = spec.awsElasticBlockStore?.volumeID;
  return inTree ? inTree.split('/').pop() || undefined : undefined;
}

/** `namespace/claim` → EBS volume id, from each bound PersistentVolume's claimRef. */
export function claimVolumeIds(inv: Inventory): Map<string, string> {
  const out = new Map<string, string>();
  for (const pv of inv.kube('PersistentVolume')) {
    const ref = (pv.object.spec as { claimRef?: { namespace?: string; name?: string } } | undefined)?.claimRef;
    const id = ebsVolumeIdOf(pv.object);
    if (ref?.name && id) out.set(`${ref.namespace ?? 'default'}/${ref.name}`, id);
  }
  return out;
}

/** EC2 takes at most 200 values in one filter. */
export function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** DescribeVolumes of these ids, by id (ids EC2 does not know are absent). */
export async function ebsVolumesById(aws: AwsReader, ids: readonly string[]): Promise<Map<string, Volume>> {
  const pages = await mapLimit(chunks([...new Set(ids)].sort()), 2, (Values) =>
    describeVolumes(aws, [{ Name: 'volume-id', Values }]),
  );
  return new Map(pages.flat().flatMap((v) => (v.VolumeId ? [[v.VolumeId, v] as const] : [])));
}

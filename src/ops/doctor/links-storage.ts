import type { EbsVolumeFact } from '../common/aws-facts.js';
import type { EventIndex } from '../common/events.js';
import { refOf } from '../problems.js';
import type { DoctorFacts } from './facts-view.js';
import type { DoctorLink } from './types.js';

/** Claim names a pod spec mounts. */
export function claimNamesOf(spec: unknown): string[] {
  const volumes = ((spec ?? {}) as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] }).volumes ?? [];
  return [...new Set(volumes.map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => !!n))].sort();
}

/** Each PVC the pods mount → its PV → the EBS volume behind it. */
export function storageLinks(claims: readonly string[], events: EventIndex, f: DoctorFacts): DoctorLink[] {
  if (claims.length === 0) return [];
  const ns = f.input.target.namespace;
  const pvcs = f.list('PersistentVolumeClaim');
  if (!pvcs)
    return [{ step: 'PVC', state: 'unknown', detail: claims.join(', '), reason: f.reason('PersistentVolumeClaim') }];
  const out: DoctorLink[] = [];
  for (const name of claims) {
    const object = { kind: 'PersistentVolumeClaim', name, namespace: ns };
    const pvc = pvcs.find((c) => c.metadata.name === name);
    if (!pvc) {
      out.push({
        step: 'PVC',
        object,
        state: 'problem',
        detail: 'does not exist',
        problem: {
          severity: 'critical',
          code: 'pvc.missing',
          object,
          what: `PersistentVolumeClaim ${name} does not exist`,
          next: `kubectl get pvc -n ${ns}`,
          source: 'kubernetes',
        },
      });
      continue;
    }
    const phase = (pvc.status as { phase?: string } | undefined)?.phase ?? 'Pending';
    const spec = (pvc.spec ?? {}) as {
      storageClassName?: string;
      volumeName?: string;
      resources?: { requests?: { storage?: string } };
    };
    const detail = `${phase}, ${spec.resources?.requests?.storage ?? '?'} of ${spec.storageClassName ?? 'the default class'}`;
    if (phase !== 'Bound') {
      const warning = events.about(object).find((e) => e.type === 'Warning');
      const csi = (f.list('Deployment', false) ?? []).find(
        (d) => d.metadata.namespace === 'kube-system' && d.metadata.name === 'ebs-csi-controller',
      );
      const csiState = csi
        ? `EBS CSI controller ${(csi.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0}/${(csi.spec as { replicas?: number } | undefined)?.replicas ?? 1} ready`
        : undefined;
      out.push({
        step: 'PVC',
        object,
        state: 'problem',
        detail,
        problem: {
          severity: 'critical',
          code: 'pvc.not-bound',
          object,
          what: `${name} is ${phase}: the pod that mounts it cannot start`,
          cause:
            [warning ? `${warning.reason}: ${warning.message}` : undefined, csiState].filter(Boolean).join('; ') ||
            undefined,
          next: `kubectl describe pvc ${name} -n ${ns}; kubectl get pods -n kube-system -l app.kubernetes.io/name=aws-ebs-csi-driver`,
          source: 'kubernetes',
        },
      });
      continue;
    }
    out.push({ step: 'PVC', object, state: 'ok', detail });
    const pvs = f.list('PersistentVolume', false);
    const pv = pvs?.find((v) => v.metadata.name === spec.volumeName);
    if (!pvs) {
      out.push({ step: 'PV', state: 'unknown', detail: spec.volumeName ?? '?', reason: f.reason('PersistentVolume') });
      continue;
    }
    if (!pv) {
      out.push({
        step: 'PV',
        object: { kind: 'PersistentVolume', name: spec.volumeName ?? '?' },
        state: 'problem',
        detail: 'does not exist',
        problem: {
          severity: 'critical',
          code: 'pv.missing',
          object,
          what: `the PersistentVolume ${spec.volumeName} bound to ${name} does not exist`,
          source: 'kubernetes',
        },
      });
      continue;
    }
    const handle = (pv.spec as { csi?: { driver?: string; volumeHandle?: string } } | undefined)?.csi;
    out.push({
      step: 'PV',
      object: refOf(pv),
      state: 'ok',
      detail:
        `${(pv.spec as { persistentVolumeReclaimPolicy?: string }).persistentVolumeReclaimPolicy ?? '?'} reclaim, ${handle?.driver ?? 'no CSI driver'} ${handle?.volumeHandle ?? ''}`.trim(),
    });
    if (handle?.driver !== 'ebs.csi.aws.com' || !handle.volumeHandle) continue;
    const volObject = { kind: 'EBSVolume', name: handle.volumeHandle };
    const volumes = f.aws<readonly EbsVolumeFact[]>('ebsVolumes');
    const vol = volumes?.find((v) => v.volumeId === handle.volumeHandle);
    if (!volumes || !vol) {
      out.push({
        step: 'EBS volume',
        object: volObject,
        state: 'unknown',
        detail: handle.volumeHandle,
        reason: volumes ? 'the volume was not described' : f.awsReason('ebsVolumes'),
      });
      continue;
    }
    const vDetail = `${vol.state}, ${vol.sizeGiB ?? '?'} GiB ${vol.type ?? ''} in ${vol.availabilityZone ?? '?'}, ${vol.encrypted ? 'encrypted' : 'NOT encrypted'}`;
    if (vol.state !== 'in-use' && vol.state !== 'available')
      out.push({
        step: 'EBS volume',
        object: volObject,
        state: 'problem',
        detail: vDetail,
        problem: {
          severity: 'critical',
          code: 'ebs.volume-unusable',
          object: volObject,
          what: `EBS volume ${vol.volumeId} is ${vol.state}`,
          next: `aws ec2 describe-volumes --volume-ids ${vol.volumeId}`,
          source: 'aws',
        },
      });
    else out.push({ step: 'EBS volume', object: volObject, state: 'ok', detail: vDetail });
  }
  return out;
}

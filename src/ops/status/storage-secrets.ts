import type { KubeObject } from '../../inventory/types.js';
import type { EventIndex } from '../common/events.js';
import { conditionOf, namespaceOf } from '../common/kube-reads.js';
import type { OpsProblem } from '../problems.js';
import type { ClaimRow, ExternalSecretRow } from './types.js';

/** ExternalSecrets whose Ready condition is not True, with the condition's reason and message. */
export function externalSecretRows(externalSecrets: readonly KubeObject[]): ExternalSecretRow[] {
  const rows: ExternalSecretRow[] = [];
  for (const es of externalSecrets) {
    const ready = conditionOf(es, 'Ready');
    if (ready?.status === 'True') continue;
    rows.push({
      namespace: namespaceOf(es),
      name: es.metadata.name,
      reason: ready?.reason ?? 'NoReadyCondition',
      message: ready?.message ?? 'the controller has not reported a Ready condition',
    });
  }
  return rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

export function externalSecretProblems(rows: readonly ExternalSecretRow[]): OpsProblem[] {
  return rows.map((r) => ({
    severity: 'critical',
    code: 'externalsecret.not-ready',
    object: { kind: 'ExternalSecret', name: r.name, namespace: r.namespace },
    what: `not Ready (${r.reason})`,
    cause: r.message,
    next: `slipway secrets status -n ${r.namespace}`,
    source: 'kubernetes',
  }));
}

/** PersistentVolumeClaims whose phase is not Bound, with their latest Warning event. */
export function claimRows(claims: readonly KubeObject[], events: EventIndex): ClaimRow[] {
  const rows: ClaimRow[] = [];
  for (const pvc of claims) {
    const phase = (pvc.status as { phase?: string } | undefined)?.phase ?? 'Pending';
    if (phase === 'Bound') continue;
    const storageClass = (pvc.spec as { storageClassName?: string } | undefined)?.storageClassName;
    const e = events.latestWarning({
      kind: 'PersistentVolumeClaim',
      name: pvc.metadata.name,
      namespace: namespaceOf(pvc),
    });
    rows.push({
      namespace: namespaceOf(pvc),
      name: pvc.metadata.name,
      phase,
      ...(storageClass ? { storageClass } : {}),
      ...(e ? { latestWarning: { reason: e.reason, message: e.message } } : {}),
    });
  }
  return rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

export function claimProblems(rows: readonly ClaimRow[]): OpsProblem[] {
  return rows.map((r) => ({
    severity: r.phase === 'Lost' ? 'critical' : 'warning',
    code: 'pvc.not-bound',
    object: { kind: 'PersistentVolumeClaim', name: r.name, namespace: r.namespace },
    what: `${r.phase}${r.storageClass ? ` (StorageClass ${r.storageClass})` : ''}`,
    ...(r.latestWarning ? { cause: `${r.latestWarning.reason}: ${r.latestWarning.message}` } : {}),
    next: `kubectl describe pvc ${r.name} -n ${r.namespace}`,
    source: 'kubernetes',
  }));
}

import type { KubeObject } from '../../inventory/types.js';
import { conditionOf, labelsOf, namespaceOf, specNumber, statusNumber } from '../common/kube-reads.js';
import type { OpsProblem } from '../problems.js';
import type { AddonFact, AddonRow, EbsCsiRow } from './types.js';

const EBS_CSI_NAME = 'aws-ebs-csi-driver';
const EBS_CSI_CONTROLLER = 'ebs-csi-controller';

export function addonRows(addons: readonly AddonFact[]): AddonRow[] {
  return addons
    .map((a) => ({
      name: a.name,
      ...(a.version ? { version: a.version } : {}),
      status: a.status,
      issues: (a.issues ?? []).map((i) => [i.code, i.message].filter(Boolean).join(': ')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const FAILED = new Set(['CREATE_FAILED', 'DEGRADED', 'UPDATE_FAILED', 'DELETE_FAILED']);

export function addonProblems(rows: readonly AddonRow[], cluster: string | undefined): OpsProblem[] {
  return rows
    .filter((r) => r.status !== 'ACTIVE')
    .map((r) => ({
      severity: FAILED.has(r.status) ? 'critical' : 'info',
      code: 'addon.unhealthy',
      object: { kind: 'EKSAddon', name: r.name },
      what: `${r.status}${r.version ? ` (${r.version})` : ''}`,
      ...(r.issues.length ? { cause: r.issues.join('; ') } : {}),
      next: `aws eks describe-addon --cluster-name ${cluster ?? '<cluster>'} --addon-name ${r.name}`,
      source: 'aws',
    }));
}

function isEbsCsiPod(pod: KubeObject): boolean {
  const l = labelsOf(pod);
  return (
    namespaceOf(pod) === 'kube-system' &&
    (l['app.kubernetes.io/name'] === EBS_CSI_NAME || l.app === EBS_CSI_CONTROLLER || l.app === 'ebs-csi-node')
  );
}

/** The EBS CSI controller Deployment and the driver's pods in kube-system; undefined when the driver is not installed. */
export function ebsCsiRow(deployments: readonly KubeObject[], pods: readonly KubeObject[]): EbsCsiRow | undefined {
  const controller = deployments.find(
    (d) => namespaceOf(d) === 'kube-system' && d.metadata.name === EBS_CSI_CONTROLLER,
  );
  const driverPods = pods.filter(isEbsCsiPod);
  if (!controller && driverPods.length === 0) return undefined;
  const notReady = driverPods
    .filter((p) => conditionOf(p, 'Ready')?.status !== 'True')
    .map((p) => p.metadata.name)
    .sort();
  return {
    ...(controller
      ? {
          controller: {
            ready: statusNumber(controller, 'readyReplicas'),
            desired: specNumber(controller, 'replicas', 1),
          },
        }
      : {}),
    podsNotReady: notReady,
  };
}

export function ebsCsiProblems(row: EbsCsiRow | undefined): OpsProblem[] {
  if (!row) return [];
  const out: OpsProblem[] = [];
  const object = { kind: 'Deployment', name: EBS_CSI_CONTROLLER, namespace: 'kube-system' };
  if (row.controller && row.controller.ready < row.controller.desired)
    out.push({
      severity: row.controller.ready === 0 ? 'critical' : 'warning',
      code: 'ebs-csi.controller-unavailable',
      object,
      what: `EBS CSI controller ${row.controller.ready}/${row.controller.desired} ready: volumes cannot be created or attached`,
      next: `kubectl get pods -n kube-system -l app.kubernetes.io/name=${EBS_CSI_NAME}`,
      source: 'kubernetes',
    });
  if (row.podsNotReady.length)
    out.push({
      severity: 'warning',
      code: 'ebs-csi.pods-not-ready',
      object,
      what: `EBS CSI driver pods not Ready: ${row.podsNotReady.join(', ')}`,
      next: `kubectl get pods -n kube-system -l app.kubernetes.io/name=${EBS_CSI_NAME}`,
      source: 'kubernetes',
    });
  return out;
}

import { formatBytes, formatCpu } from '../../ops/common/resources.js';
import { addsToReason } from '../../ops/status/pods.js';
import type { NodeRow, StatusReport } from '../../ops/status/types.js';
import {
  clock,
  colors,
  columns,
  heading,
  type OpsTextOptions,
  plural,
  problemsSection,
  refText,
  unknownSection,
} from './text.js';

function nodeCells(n: NodeRow, podsRead: boolean): string[] {
  const req = (k: 'cpu' | 'memory') =>
    !podsRead
      ? 'unknown'
      : k === 'cpu'
        ? `${formatCpu(n.requested.cpu)}/${formatCpu(n.allocatable.cpu)} ${n.requestedPercent.cpu}%`
        : `${formatBytes(n.requested.memory)}/${formatBytes(n.allocatable.memory)} ${n.requestedPercent.memory}%`;
  const state = [n.ready ? 'Ready' : 'NotReady', ...n.pressure, ...(n.unschedulable ? ['SchedulingDisabled'] : [])];
  return [
    n.zone,
    n.capacityType,
    n.name,
    state.join(','),
    `${n.kubeletVersion}${n.skew ? ` (-${n.skew})` : ''}`,
    podsRead ? String(n.pods) : '?',
    req('cpu'),
    req('memory'),
    n.usagePercent ? `${n.usagePercent.cpu}%` : '-',
    n.usagePercent ? `${n.usagePercent.memory}%` : '-',
  ];
}

/**
 * `slipway status` for a terminal: the control plane, nodes (requests and
 * usage against allocatable), nodes by zone and capacity type, then each
 * section that needs attention, the problems with their next step, and what
 * could not be read.
 */
export function renderStatusTable(r: StatusReport, opts: OpsTextOptions): string {
  const c = colors(opts);
  const u = r.unknown;
  const out: string[] = [];
  out.push(
    c.bold(`Control plane ${r.controlPlane.version ?? 'unknown'}`) +
      (u.controlPlaneVersion ? c.yellow(`  (unknown: ${u.controlPlaneVersion})`) : ''),
    '',
  );

  out.push(...heading(c, 'Nodes', r.nodes.length, u.nodes));
  if (r.nodes.length) {
    const head = ['ZONE', 'CAPACITY', 'NAME', 'STATE', 'KUBELET', 'PODS', 'CPU REQ', 'MEM REQ', 'CPU USE', 'MEM USE'];
    const lines = columns([head, ...r.nodes.map((n) => nodeCells(n, !u.pods))]);
    out.push(c.dim(lines[0]), ...lines.slice(1).map((l, i) => (r.nodes[i].ready ? l : c.red(l))));
    if (u.nodeMetrics) out.push(c.dim(`  usage unknown: ${u.nodeMetrics}`));
    out.push('');
    out.push(c.bold('Nodes by zone and capacity type'));
    out.push(
      ...columns(
        r.nodeGroups.map((g) => [g.zone, g.capacityType, plural(g.nodes, 'node'), `${g.ready} Ready`]),
        '  ',
      ),
      '',
    );
  }

  const setsUnknown = u.deployments ?? u.statefulSets ?? u.daemonSets;
  out.push(...heading(c, 'Rollouts and sets needing attention', r.workloads.length, setsUnknown));
  if (r.workloads.length)
    out.push(
      ...columns(
        r.workloads.map((w) => [
          w.namespace,
          `${w.kind}/${w.name}`,
          `${w.ready}/${w.desired} ready`,
          `${w.updated} updated`,
          w.reason,
        ]),
      ),
      '',
    );

  out.push(...heading(c, 'Pods needing attention', r.pods.length, u.pods));
  const podLines = columns(
    r.pods.map((p) => [
      p.namespace,
      p.name,
      p.reason,
      p.container ?? '-',
      p.restarts ? plural(p.restarts, 'restart') : '-',
      p.detail ?? '',
    ]),
  );
  r.pods.forEach((p, i) => {
    out.push(podLines[i]);
    const w = p.latestWarning;
    if (w && addsToReason(w, p)) out.push(c.dim(`      latest warning ${clock(w.last)} ${w.reason}: ${w.message}`));
  });
  if (r.pods.length) out.push('');

  out.push(...heading(c, 'ExternalSecrets not Ready', r.externalSecrets.length, u.externalSecrets));
  if (r.externalSecrets.length)
    out.push(...columns(r.externalSecrets.map((e) => [e.namespace, e.name, e.reason, e.message])), '');

  out.push(...heading(c, 'PersistentVolumeClaims not Bound', r.claims.length, u.persistentVolumeClaims));
  if (r.claims.length)
    out.push(
      ...columns(
        r.claims.map((x) => [
          x.namespace,
          x.name,
          x.phase,
          x.storageClass ?? '-',
          x.latestWarning ? `${x.latestWarning.reason}: ${x.latestWarning.message}` : '',
        ]),
      ),
      '',
    );

  if (r.ebsCsi) {
    const ctl = r.ebsCsi.controller
      ? `controller ${r.ebsCsi.controller.ready}/${r.ebsCsi.controller.desired} ready`
      : 'no controller Deployment';
    const pods = r.ebsCsi.podsNotReady.length
      ? `; pods not Ready: ${r.ebsCsi.podsNotReady.join(', ')}`
      : '; all pods Ready';
    out.push(`${c.bold('EBS CSI driver')} ${ctl}${pods}`, '');
  }

  out.push(...heading(c, 'EKS add-ons', r.addons.length, u.addons));
  if (r.addons.length) {
    const lines = columns(r.addons.map((a) => [a.name, a.version ?? '-', a.status, a.issues.join('; ')]));
    out.push(...lines.map((l, i) => (r.addons[i].status === 'ACTIVE' ? l : c.red(l))), '');
  }

  out.push(...heading(c, 'Recent Warning events by object', r.recentWarnings.length, u.events));
  if (r.recentWarnings.length) {
    out.push(
      ...columns(
        r.recentWarnings.map((g) => [
          clock(g.last),
          refText(g.object),
          `x${g.count}`,
          g.reasons.join(','),
          g.latestMessage,
        ]),
      ),
    );
    if (r.moreWarningGroups) out.push(c.dim(`  … and ${plural(r.moreWarningGroups, 'more object')}`));
    out.push('');
  }

  out.push(...problemsSection(r.problems, c), ...unknownSection(u, c));
  return `${out.join('\n').trimEnd()}\n`;
}

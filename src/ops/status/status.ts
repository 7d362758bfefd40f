import type { KubeObject } from '../../inventory/types.js';
import { EventIndex, isoBefore, viewEvent } from '../common/events.js';
import { parseMinor } from '../common/versions.js';
import { type Fact, unknownParts, valueOr } from '../facts.js';
import { sortProblems } from '../problems.js';
import { addonProblems, addonRows, ebsCsiProblems, ebsCsiRow } from './addons.js';
import { groupWarnings } from './event-groups.js';
import { nodeGroups, nodeProblems, nodeRows } from './nodes.js';
import { podProblems, podRows } from './pods.js';
import { claimProblems, claimRows, externalSecretProblems, externalSecretRows } from './storage-secrets.js';
import { STATUS_DEFAULTS, type StatusInput, type StatusParams, type StatusReport } from './types.js';
import { workloadProblems, workloadRows } from './workloads.js';

/** Parts of the status input whose absence hides only a column: the command still answers. */
export const STATUS_OPTIONAL_PARTS: readonly string[] = ['nodeMetrics'];

/**
 * The cluster on one screen, from plain facts: versions and skew, nodes by
 * zone and capacity type with requests (and usage) against allocatable,
 * stuck rollouts and degraded sets, troubled pods with their latest Warning,
 * ExternalSecrets not Ready, claims not Bound, the EBS CSI driver and the EKS
 * add-ons, and recent Warning events grouped by object. A part that was not
 * read leaves its section empty and is named in `unknown`.
 */
export function clusterStatus(input: StatusInput, params: Partial<StatusParams> = {}): StatusReport {
  const p: StatusParams = { ...STATUS_DEFAULTS, ...params };
  const ns = input.namespace;
  const inNs = (list: readonly KubeObject[]) =>
    ns === undefined ? list : list.filter((o) => (o.metadata.namespace ?? 'default') === ns);
  const version = valueOr(input.controlPlaneVersion, undefined as string | undefined);
  const nodes = valueOr(input.nodes, []);
  // Requests on nodes count every namespace's pods; the pod sections show only the asked namespace.
  const allPods = valueOr(input.pods, []);
  const pods = inNs(allPods);
  const events = valueOr(input.events, [])
    .map(viewEvent)
    .filter((e) => ns === undefined || e.object.namespace === ns || e.object.namespace === undefined);
  const index = new EventIndex(events);
  const deployments = valueOr(input.deployments, []);
  const metrics = input.nodeMetrics ? valueOr(input.nodeMetrics, undefined) : undefined;

  const nodeList = nodeRows(nodes, allPods, metrics, version);
  const podList = podRows(pods, index);
  const workloads = workloadRows(
    inNs(deployments),
    inNs(valueOr(input.statefulSets, [])),
    inNs(valueOr(input.daemonSets, [])),
  );
  const externalSecrets = externalSecretRows(inNs(valueOr(input.externalSecrets, [])));
  const claims = claimRows(inNs(valueOr(input.persistentVolumeClaims, [])), index);
  const ebsCsi = ebsCsiRow(deployments, allPods);
  const addons = addonRows(valueOr(input.addons, []));
  const groups = groupWarnings(events, isoBefore(input.now, p.recentEventsSeconds));

  const parts: Record<string, Fact<unknown>> = {
    controlPlaneVersion: input.controlPlaneVersion,
    nodes: input.nodes,
    pods: input.pods,
    events: input.events,
    deployments: input.deployments,
    statefulSets: input.statefulSets,
    daemonSets: input.daemonSets,
    externalSecrets: input.externalSecrets,
    persistentVolumeClaims: input.persistentVolumeClaims,
    addons: input.addons,
    ...(input.nodeMetrics ? { nodeMetrics: input.nodeMetrics } : {}),
  };
  const minor = parseMinor(version);
  return {
    controlPlane: { ...(version ? { version } : {}), ...(minor ? { minor: `${minor.major}.${minor.minor}` } : {}) },
    nodes: nodeList,
    nodeGroups: nodeGroups(nodeList),
    workloads,
    pods: podList,
    externalSecrets,
    claims,
    ...(ebsCsi ? { ebsCsi } : {}),
    addons,
    recentWarnings: groups.slice(0, p.maxEventGroups),
    moreWarningGroups: Math.max(0, groups.length - p.maxEventGroups),
    problems: sortProblems([
      ...nodeProblems(nodeList, nodes, version, p),
      ...workloadProblems(workloads, podList),
      ...podProblems(podList),
      ...externalSecretProblems(externalSecrets),
      ...claimProblems(claims),
      ...ebsCsiProblems(ebsCsi),
      ...addonProblems(addons, input.cluster),
    ]),
    unknown: unknownParts(parts),
  };
}

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/inventory/types.js';
import { viewEvent } from '../../src/ops/common/events.js';
import { opsExitCode } from '../../src/ops/exit-code.js';
import { known, unknownFact } from '../../src/ops/facts.js';
import { clusterStatus, STATUS_OPTIONAL_PARTS } from '../../src/ops/status/status.js';
import type { StatusInput } from '../../src/ops/status/types.js';
import { renderStatusTable } from '../../src/report/ops/status.js';
import { expectGolden } from '../support/golden.js';
import { badMorningKube, statusInput } from '../support/ops-fixtures.js';

const N1 = 'ip-10-0-1-10.eu-west-1.compute.internal';
const N2 = 'ip-10-0-2-20.eu-west-1.compute.internal';
const N3 = 'ip-10-0-3-30.eu-west-1.compute.internal';

const ids = (r: ReturnType<typeof clusterStatus>) =>
  r.problems.map((p) => `${p.code} ${p.object.kind}/${p.object.namespace ?? ''}/${p.object.name}`);

function withNodeVersion(version: string): StatusInput {
  const nodes = badMorningKube().objects.Node.map((n) =>
    n.metadata.name === N1 ? { ...n, status: { ...(n.status as object), nodeInfo: { kubeletVersion: version } } } : n,
  );
  return statusInput({ nodes: known(nodes) });
}

/** The bad-morning cluster cut down to what is healthy: one Ready node and the ledger workload. */
function healthyInput(): StatusInput {
  const o = badMorningKube().objects;
  const keep = (list: readonly KubeObject[]) => list.filter((x) => x.metadata.namespace === 'payments');
  return statusInput({
    nodes: known(o.Node.filter((n) => n.metadata.name === N1)),
    pods: known(keep(o.Pod)),
    events: known([]),
    deployments: known(keep(o.Deployment)),
    statefulSets: known([]),
    daemonSets: known([]),
    externalSecrets: known(o.ExternalSecret.filter((e) => e.metadata.namespace === 'shop')),
    persistentVolumeClaims: known(keep(o.PersistentVolumeClaim)),
    addons: known([{ name: 'vpc-cni', version: 'v1.20.4-eksbuild.1', status: 'ACTIVE' }]),
  });
}

describe('status on the bad-morning cluster', () => {
  const report = clusterStatus(statusInput());

  it('names the NotReady node, the kubelet too far behind and nothing about the nodes within the skew policy', () => {
    expect(ids(report)).toContain(`node.not-ready Node//${N3}`);
    expect(ids(report)).toContain(`node.kubelet-skew Node//${N2}`);
    expect(ids(report)).not.toContain(`node.kubelet-skew Node//${N1}`);
    expect(report.nodes.find((n) => n.name === N2)?.skew).toBe(4);
  });

  it('groups nodes by zone and capacity type from the EKS and Karpenter labels', () => {
    expect(report.nodeGroups.map((g) => `${g.zone} ${g.capacityType} ${g.ready}/${g.nodes}`)).toEqual([
      'eu-west-1a on-demand 1/1',
      'eu-west-1b spot 1/1',
      'eu-west-1c on-demand 0/1',
    ]);
  });

  it('sums requests of running pods only (a Succeeded job pod holds nothing) against allocatable, with usage from metrics', () => {
    const n1 = report.nodes.find((n) => n.name === N1);
    // checkout 2×250m, cart 0, ledger 250m, ebs-csi 10m on N1; the finished 1-CPU report pod is not counted.
    expect(n1?.requested.cpu).toBeCloseTo(0.25 + 0.25 + 0.25 + 0.01 + 0.1, 5);
    expect(n1?.pods).toBe(5);
    expect(n1?.allocatable.cpu).toBeCloseTo(1.93, 5);
    expect(n1?.usagePercent).toEqual({ cpu: 42, memory: 59 });
    expect(report.nodes.find((n) => n.name === N3)?.usage).toBeUndefined();
  });

  it('flags the rollout stuck on ProgressDeadlineExceeded and names the crash-looping pod as its cause', () => {
    const stuck = report.problems.find((p) => p.code === 'rollout.stuck');
    expect(stuck?.object).toEqual({ kind: 'Deployment', name: 'checkout', namespace: 'shop' });
    expect(stuck?.cause).toContain('checkout-7d9f8b6c5d-x2k4p CrashLoopBackOff');
  });

  it('reports degraded StatefulSets and DaemonSets', () => {
    expect(ids(report)).toContain('statefulset.degraded StatefulSet/data/postgres');
    expect(ids(report)).toContain('daemonset.degraded DaemonSet/kube-system/aws-node');
  });

  it('gives each troubled pod its reason: crash loop, OOMKilled with its memory limit, image pull, Pending with the scheduler message', () => {
    const pod = (name: string) => report.pods.find((p) => p.name === name);
    expect(pod('checkout-7d9f8b6c5d-x2k4p')).toMatchObject({
      reason: 'CrashLoopBackOff',
      restarts: 7,
      detail: 'exit 1 (Error)',
    });
    expect(pod('cart-6f7c8d9e0f-q8w7e')?.detail).toBe('exit 137 (OOMKilled), memory limit 256Mi');
    expect(report.problems.find((p) => p.object.name === 'cart-6f7c8d9e0f-q8w7e')?.code).toBe('pod.oom-killed');
    expect(pod('frontend-5d8c7b6a94-r7t8y')?.reason).toBe('ImagePullBackOff');
    const pending = pod('search-84b6d9c7f5-m3n4p');
    expect(pending?.reason).toBe('Pending');
    expect(pending?.latestWarning?.reason).toBe('FailedScheduling');
    expect(pending?.detail).toContain('Insufficient memory');
    expect(report.pods.some((p) => p.name.startsWith('ledger'))).toBe(false);
  });

  it('shows ExternalSecrets not Ready with their condition message, PVCs not Bound, the EBS CSI controller and the degraded add-on', () => {
    expect(report.externalSecrets.map((e) => `${e.namespace}/${e.name} ${e.reason}`)).toEqual([
      'payments/ledger-db SecretSyncedError',
      'web/frontend-env SecretSyncedError',
    ]);
    expect(report.externalSecrets[0].message).toContain('AccessDeniedException');
    expect(report.claims.map((c) => `${c.namespace}/${c.name} ${c.phase}`)).toEqual(['data/data-postgres-0 Pending']);
    expect(report.ebsCsi?.controller).toEqual({ ready: 1, desired: 2 });
    expect(ids(report)).toContain('addon.unhealthy EKSAddon//aws-ebs-csi-driver');
    expect(report.problems.find((p) => p.code === 'addon.unhealthy')?.source).toBe('aws');
  });

  it('groups Warning events of the last hour by object and leaves older ones out', () => {
    const objects = report.recentWarnings.map((g) => g.object.name);
    expect(objects[0]).toBe('frontend-5d8c7b6a94-r7t8y');
    expect(report.recentWarnings[0]).toMatchObject({ count: 67, reasons: ['Failed'] });
    expect(objects).not.toContain('checkout-5c6b7d8f9a-abcde');
    expect(objects).not.toContain(N3);
  });

  it('lists the most severe problems first and asks for attention (exit 2)', () => {
    expect(report.problems[0].severity).toBe('critical');
    expect(report.problems.at(-1)?.severity).not.toBe('critical');
    expect(opsExitCode(report.problems, report.unknown, STATUS_OPTIONAL_PARTS)).toBe(2);
  });

  it('is plain data: a JSON round trip gives the same report', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('renders the terminal table (golden) without colour codes when colour is off', () => {
    const text = renderStatusTable(report, { color: false });
    expect(text.includes('\u001b[')).toBe(false);
    expect(renderStatusTable(report, { color: true }).includes('\u001b[')).toBe(true);
    expectGolden('ops/status.txt', text);
  });
});

describe('status of one namespace (-n)', () => {
  it("keeps nodes and add-ons whole but shows only that namespace's workloads, pods, secrets, claims and events", () => {
    const r = clusterStatus(statusInput({ namespace: 'shop' }));
    expect(r.nodes).toHaveLength(3);
    expect(r.nodes.find((n) => n.name === N1)?.pods).toBe(5);
    expect(new Set(r.pods.map((p) => p.namespace))).toEqual(new Set(['shop']));
    expect(new Set(r.workloads.map((w) => w.namespace))).toEqual(new Set(['shop']));
    expect(r.externalSecrets).toEqual([]);
    expect(r.claims).toEqual([]);
    expect(r.recentWarnings.every((g) => g.object.namespace === 'shop')).toBe(true);
    expect(
      viewEvent(badMorningKube().objects.Event.find((e) => e.reason === 'NodeNotReady') as KubeObject).object,
    ).toEqual({
      kind: 'Node',
      name: N3,
    });
    expect(r.addons).toHaveLength(6);
  });
});

describe('status skew and thresholds', () => {
  it('calls a kubelet newer than the control plane critical', () => {
    const r = clusterStatus(withNodeVersion('v1.34.1-eks-0000000'));
    const p = r.problems.find((x) => x.code === 'node.kubelet-skew' && x.object.name === N1);
    expect(p?.severity).toBe('critical');
  });

  it('accepts a kubelet three minors behind, and four when the policy parameter allows it', () => {
    expect(
      clusterStatus(withNodeVersion('v1.30.9-eks-0000000')).problems.some(
        (x) => x.object.name === N1 && x.code === 'node.kubelet-skew',
      ),
    ).toBe(false);
    expect(
      clusterStatus(statusInput(), { maxKubeletMinorsBehind: 4 }).problems.some((x) => x.code === 'node.kubelet-skew'),
    ).toBe(false);
  });

  it('notes nodes whose requests reach the allocation threshold', () => {
    const r = clusterStatus(statusInput(), { allocationWarnPercent: 40 });
    const high = r.problems.filter((p) => p.code === 'node.allocation-high').map((p) => p.object.name);
    expect(high).toEqual([N1]);
  });
});

describe('status of a healthy cluster and of parts that cannot be read', () => {
  it('finds nothing to attend to on a healthy cluster (exit 0)', () => {
    const r = clusterStatus(healthyInput());
    expect(r.problems).toEqual([]);
    expect(opsExitCode(r.problems, r.unknown, STATUS_OPTIONAL_PARTS)).toBe(0);
    expect(renderStatusTable(r, { color: false })).toContain('Nothing needs attention.');
  });

  it('marks add-ons unknown without AWS credentials, keeps the Kubernetes sections, and exits 1', () => {
    const r = clusterStatus(statusInput({ addons: unknownFact('no AWS credentials (AWS_PROFILE not set)') }));
    expect(r.unknown).toEqual({ addons: 'no AWS credentials (AWS_PROFILE not set)' });
    expect(r.addons).toEqual([]);
    expect(r.nodes).toHaveLength(3);
    expect(opsExitCode(r.problems, r.unknown, STATUS_OPTIONAL_PARTS)).toBe(1);
    expect(renderStatusTable(r, { color: false })).toContain('unknown: no AWS credentials (AWS_PROFILE not set)');
  });

  it('treats metrics.k8s.io not being served as a missing column, not an error', () => {
    const r = clusterStatus({ ...healthyInput(), nodeMetrics: unknownFact('metrics.k8s.io is not served (404)') });
    expect(r.nodes[0].usage).toBeUndefined();
    expect(opsExitCode(r.problems, r.unknown, STATUS_OPTIONAL_PARTS)).toBe(0);
  });

  it('never calls a cluster healthy when its pods could not be listed', () => {
    const r = clusterStatus({
      ...healthyInput(),
      pods: unknownFact('pods is forbidden: cannot list resource "pods" (403)'),
    });
    expect(r.unknown.pods).toContain('403');
    expect(opsExitCode(r.problems, r.unknown, STATUS_OPTIONAL_PARTS)).toBe(1);
    const text = renderStatusTable(r, { color: false });
    expect(text).not.toContain('Pods needing attention (none)');
    expect(text).toMatch(/Ready\s+\S+\s+\?\s+unknown\s+unknown/);
  });
});

import type { KubeObject } from '../../kube/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { addonFacts } from '../gather/aws-eks.js';
import { controlPlaneVersion } from '../gather/control-plane.js';
import { boundedAll, DEFAULT_CONCURRENCY, type GatherLimits, listFact } from '../gather/kube-lists.js';
import { readFact } from '../gather/read-fact.js';
import type { StatusInput } from './types.js';

export interface StatusGatherOptions extends GatherLimits {
  /** The EKS cluster name (the environment's), for DescribeCluster and the add-ons. */
  readonly cluster?: string;
  /** Now, as an ISO time; default the clock. */
  readonly now?: string;
}

/**
 * Parts of the status input read from AWS only: unknown, not failed, when the
 * connection reads no AWS. The control-plane version is not among them: the
 * API server tells it (GET /version), EKS only when it does not.
 */
export const STATUS_AWS_PARTS: readonly string[] = ['addons'];

/**
 * Reads what `clusterStatus` needs, `concurrency` reads at a time: nodes and
 * pods of every namespace (a node's requests count every pod), the
 * namespaced kinds in the connection's namespace (or all), NodeMetrics from
 * metrics.k8s.io, the control-plane version from the API server (EKS
 * DescribeCluster when it does not answer), and from AWS the add-ons.
 * Every part is a Fact: a forbidden, unserved or denied read is unknown with
 * the reason.
 */
export async function gatherStatus(conn: LiveConnection, options: StatusGatherOptions = {}): Promise<StatusInput> {
  const ns = conn.namespace;
  const list = (kind: string, namespace: string | undefined) => () => listFact(conn.kube, kind, namespace, options);
  const parts = await boundedAll<{
    nodes: Fact<readonly KubeObject[]>;
    pods: Fact<readonly KubeObject[]>;
    events: Fact<readonly KubeObject[]>;
    deployments: Fact<readonly KubeObject[]>;
    statefulSets: Fact<readonly KubeObject[]>;
    daemonSets: Fact<readonly KubeObject[]>;
    externalSecrets: Fact<readonly KubeObject[]>;
    persistentVolumeClaims: Fact<readonly KubeObject[]>;
    nodeMetrics: Fact<readonly KubeObject[]>;
    controlPlaneVersion: Fact<string>;
    addons: StatusInput['addons'];
  }>(
    {
      nodes: list('Node', undefined),
      pods: list('Pod', undefined),
      events: list('Event', ns),
      // The EBS CSI controller runs in kube-system: deployments are read in every namespace, then filtered by the analysis.
      deployments: list('Deployment', undefined),
      statefulSets: list('StatefulSet', ns),
      daemonSets: list('DaemonSet', ns),
      externalSecrets: list('ExternalSecret', ns),
      persistentVolumeClaims: list('PersistentVolumeClaim', ns),
      nodeMetrics: async () => {
        const m = await readFact('metrics.k8s.io nodes', () => conn.kube.nodeMetrics());
        if (m.state === 'unknown') return m;
        if (!m.value.served) return unknownFact(m.value.reason);
        return known(
          m.value.items.map((x) => ({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', ...x }) as KubeObject),
        );
      },
      controlPlaneVersion: () => controlPlaneVersion(conn, options.cluster),
      addons: () => addonFacts(conn.aws, options.cluster),
    },
    options.concurrency ?? DEFAULT_CONCURRENCY,
  );
  return {
    now: options.now ?? new Date().toISOString(),
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(ns ? { namespace: ns } : {}),
    ...parts,
  };
}

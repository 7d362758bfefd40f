import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import { PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { unknownFact } from '../facts.js';
import type { PdbFacts, UpgradeFacts, WorkloadReplicas } from './facts.js';

const REPLICA_KINDS = new Set(['Deployment', 'StatefulSet']);
const SKIP_NS = new Set([...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES]);

/** The add-ons and charts an environment installs, by their names in the version lock. */
export function installedComponents(env: EnvironmentConfig): { addons: string[]; charts: string[] } {
  const addons = ['vpc-cni', 'coredns', 'kube-proxy'];
  if (env.components.identity) addons.push('eks-pod-identity-agent');
  if (env.components.storage) addons.push('aws-ebs-csi-driver');
  if (env.components.observability) addons.push('amazon-cloudwatch-observability');
  const charts: string[] = [];
  if (env.components.ingress) charts.push('awsLoadBalancerController');
  if (env.components.secrets) charts.push('externalSecrets');
  if (env.addons.metricsServer) charts.push('metricsServer');
  if (env.addons.keda) charts.push('keda');
  if (env.addons.argocd) charts.push('argocd');
  if (env.nodes.autoscaler === 'karpenter') charts.push('karpenter');
  if (env.nodes.autoscaler === 'cluster-autoscaler') charts.push('clusterAutoscaler');
  return { addons, charts };
}

/**
 * Upgrade facts from the config and the objects (synthesized or files):
 * every object's API version with where it was read, the PDBs with the
 * replicas they protect, and the replicas of each workload. Kubelets and
 * subnets are unknown without the cluster and the account.
 */
export function staticUpgradeFacts(env: EnvironmentConfig, inv: Inventory): UpgradeFacts {
  const pdbs = new Map<object, { pdb: PdbFacts; workloads: PdbFacts['workloads'][number][] }>();
  const workloads: WorkloadReplicas[] = [];
  for (const w of inv.workloads()) {
    if (!REPLICA_KINDS.has(w.kind)) continue;
    const replicas = w.replicas ?? 1;
    if (!SKIP_NS.has(w.namespace)) workloads.push({ kind: w.kind, namespace: w.namespace, name: w.name, replicas });
    for (const r of inv.pdbsFor(w)) {
      const spec = (r.object.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
      const status = r.object.status as { disruptionsAllowed?: number } | undefined;
      let entry = pdbs.get(r);
      if (!entry) {
        entry = {
          pdb: {
            namespace: r.object.metadata.namespace ?? 'default',
            name: r.object.metadata.name,
            ...(spec.minAvailable === undefined ? {} : { minAvailable: spec.minAvailable }),
            ...(spec.maxUnavailable === undefined ? {} : { maxUnavailable: spec.maxUnavailable }),
            ...(typeof status?.disruptionsAllowed === 'number'
              ? { disruptionsAllowed: status.disruptionsAllowed }
              : {}),
            workloads: [],
          },
          workloads: [],
        };
        pdbs.set(r, entry);
      }
      entry.workloads.push({ kind: w.kind, name: w.name, replicas });
    }
  }
  const { addons, charts } = installedComponents(env);
  return {
    environment: env.name,
    clusterName: env.clusterName,
    region: env.region,
    current: env.kubernetesVersion,
    nodeGroups: env.nodes.groups.map((g) => g.name),
    objects: inv.kubeResources.map((r) => ({
      apiVersion: r.object.apiVersion,
      kind: r.object.kind,
      name: r.object.metadata.name,
      ...(r.object.metadata.namespace ? { namespace: r.object.metadata.namespace } : {}),
      ...(r.source.file ? { where: `${r.source.file}${r.source.line ? `:${r.source.line}` : ''}` } : {}),
    })),
    pdbs: [...pdbs.values()]
      .map((e) => ({ ...e.pdb, workloads: e.workloads }))
      .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`)),
    workloads: workloads.sort((a, b) =>
      `${a.namespace}/${a.kind}/${a.name}`.localeCompare(`${b.namespace}/${b.kind}/${b.name}`),
    ),
    kubelets: unknownFact('kubelet versions need the live cluster'),
    controlPlaneSubnets: unknownFact(
      'free IPs of the control-plane subnets need the AWS account (EC2 DescribeSubnets)',
    ),
    addons,
    charts,
  };
}

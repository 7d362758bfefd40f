import { Construct } from 'constructs';
import { queueArn } from '../apps/aws-access.js';
import type { EnvironmentConfig } from '../config/types.js';
import * as ec2 from './cdk/aws-ec2.js';
import * as eks from './cdk/aws-eks-v2.js';
import { Stack } from './cdk/core.js';
import { ClusterAutoscaler } from './cluster-autoscaler.js';
import { Karpenter } from './karpenter.js';
import { PodIdentityRole } from './pod-identity-role.js';
import type { HelmChartLock, VersionLock } from './versions.js';

export interface AddonsProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

export const KEDA_OPERATOR = { namespace: 'keda', serviceAccount: 'keda-operator' } as const;

/** Queues KEDA reads the depth of: every worker's own queue. */
export function kedaQueueArns(env: EnvironmentConfig, account: string): string[] {
  const arns = env.apps.flatMap((a) =>
    a.pattern === 'worker' && a.queue ? [queueArn(a.queue.name, { ...env, account })] : [],
  );
  return [...new Set(arns)].sort();
}

/**
 * Cluster add-ons beyond the seven components: metrics-server always (HPA
 * and `kubectl top` need it); the node autoscaler the environment chooses
 * (Cluster Autoscaler or Karpenter; Auto Mode lives on the cluster); KEDA and
 * Argo CD when switched on.
 * KEDA's operator gets a Pod Identity role so ScaledObjects can use
 * `podIdentity: { provider: aws }` to read queue depth.
 */
export class Addons extends Construct {
  readonly charts: eks.HelmChart[] = [];
  readonly roles: PodIdentityRole[] = [];

  constructor(scope: Construct, id: string, props: AddonsProps) {
    super(scope, id);
    const { env, cluster, versions } = props;
    const chart = (cid: string, lock: HelmChartLock, release: string, namespace: string, values: object) => {
      const c = new eks.HelmChart(this, cid, {
        cluster,
        chart: lock.chart,
        repository: lock.repository || undefined,
        version: lock.version,
        release,
        namespace,
        createNamespace: true,
        wait: true,
        values: values as Record<string, unknown>,
      });
      this.charts.push(c);
      return c;
    };

    if (env.addons.metricsServer) {
      chart('MetricsServer', versions.charts.metricsServer, 'metrics-server', 'kube-system', {
        replicas: 2,
        podDisruptionBudget: { enabled: true, minAvailable: 1 },
      });
    }

    if (env.addons.keda) {
      const queues = kedaQueueArns(env, Stack.of(this).account);
      const role = new PodIdentityRole(this, 'KedaOperatorIdentity', {
        cluster,
        ...KEDA_OPERATOR,
        statements: queues.length > 0 ? [{ actions: ['sqs:GetQueueAttributes'], resources: queues }] : [],
      });
      this.roles.push(role);
      const keda = chart('Keda', versions.charts.keda, 'keda', KEDA_OPERATOR.namespace, {
        serviceAccount: { operator: { create: true, name: KEDA_OPERATOR.serviceAccount } },
      });
      keda.node.addDependency(role.association);
    }

    if (env.nodes.autoscaler === 'cluster-autoscaler') {
      const ca = new ClusterAutoscaler(this, 'ClusterAutoscaler', {
        env,
        cluster,
        lock: versions.charts.clusterAutoscaler,
      });
      this.charts.push(ca.chart);
      this.roles.push(ca.role);
    } else if (env.nodes.autoscaler === 'karpenter') {
      const subnets = cluster.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets;
      const k = new Karpenter(this, 'Karpenter', { env, cluster, lock: versions.charts.karpenter, subnets });
      this.charts.push(k.chart);
      this.roles.push(k.role);
    }

    if (env.addons.argocd) {
      chart('ArgoCd', versions.charts.argocd, 'argocd', 'argocd', {
        configs: { params: { 'server.insecure': false } },
      });
    }
  }
}

import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as eks from './cdk/aws-eks-v2.js';
import { Stack } from './cdk/core.js';
import { acknowledgeWildcardResources } from './nag.js';
import { PodIdentityRole, type PodIdentityStatement } from './pod-identity-role.js';
import { CLUSTER_SECRET_STORE, clusterStoreNamespaces } from './tier-secret-store.js';
import { EXTERNAL_SECRETS_API_VERSION, type VersionLock } from './versions.js';

export { CLUSTER_SECRET_STORE };

export interface SecretsProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

export const EXTERNAL_SECRETS = { namespace: 'external-secrets', serviceAccount: 'external-secrets' } as const;
export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] as const;

/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>` for a name (or name pattern). */
export function secretArn(env: Pick<EnvironmentConfig, 'region'>, account: string, name: string): string {
  return `arn:aws:secretsmanager:${env.region}:${account}:secret:${name}`;
}

/**
 * What the controller may read with its own credentials: the environment's
 * path (plus decrypt with its key if one is set), and only when a
 * ClusterSecretStore exists. Tier SecretStores name a tier role that the
 * controller assumes, so a store without a role reads nothing.
 */
export function controllerStatements(env: EnvironmentConfig, account: string): PodIdentityStatement[] {
  if (clusterStoreNamespaces(env).length === 0) return [];
  const out: PodIdentityStatement[] = [
    { actions: [...SECRET_READ_ACTIONS], resources: [secretArn(env, account, `${env.secretsPath}/*`)] },
  ];
  if (env.secrets.kmsKeyArn) out.push({ actions: ['kms:Decrypt'], resources: [env.secrets.kmsKeyArn] });
  return out;
}

/**
 * The ClusterSecretStore `aws-secrets-manager`, usable only from the namespaces
 * clusterStoreNamespaces() allows; undefined when no namespace may use it.
 */
export function clusterSecretStore(env: EnvironmentConfig): Record<string, unknown> | undefined {
  const namespaces = clusterStoreNamespaces(env);
  if (namespaces.length === 0) return undefined;
  return {
    apiVersion: EXTERNAL_SECRETS_API_VERSION,
    kind: 'ClusterSecretStore',
    metadata: { name: CLUSTER_SECRET_STORE, labels: { 'app.kubernetes.io/managed-by': 'slipway' } },
    spec: {
      // Only these namespaces may reference the store; an ExternalSecret elsewhere is refused by the operator.
      conditions: [{ namespaces }],
      // No auth block: the controller's ServiceAccount has a Pod Identity association (ESO >= 0.10).
      provider: { aws: { service: 'SecretsManager', region: env.region } },
    },
  };
}

/**
 * 1.6 External Secrets: the operator (locked Helm chart), its Pod Identity
 * role limited to reading `<secretsPath>/*`, and the ClusterSecretStore
 * `aws-secrets-manager` for Secrets Manager in the environment's region,
 * restricted to the namespaces that may use it. With tiers there is no
 * cluster store: each tier namespace has its own SecretStore and role.
 */
export class Secrets extends Construct {
  readonly chart: eks.HelmChart;
  readonly role: PodIdentityRole;
  /** The ClusterSecretStore; undefined when no namespace may use one. */
  readonly store?: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);
    const { env, cluster, versions } = props;
    const lock = versions.charts.externalSecrets;
    this.role = new PodIdentityRole(this, 'ControllerIdentity', {
      cluster,
      ...EXTERNAL_SECRETS,
      statements: controllerStatements(env, Stack.of(this).account),
    });
    acknowledgeWildcardResources(
      this.role,
      controllerStatements(env, Stack.of(this).account).flatMap((s) => s.resources),
      `Read-only access to the secrets under ${env.secretsPath}/ is the purpose of the store; nothing outside the environment path is readable.`,
    );
    this.chart = new eks.HelmChart(this, 'ExternalSecrets', {
      cluster,
      chart: lock.chart,
      repository: lock.repository,
      version: lock.version,
      release: 'external-secrets',
      namespace: EXTERNAL_SECRETS.namespace,
      createNamespace: true,
      wait: true,
      values: {
        installCRDs: true,
        serviceAccount: { create: true, name: EXTERNAL_SECRETS.serviceAccount },
        webhook: { replicaCount: 2 },
        replicaCount: 2,
        leaderElect: true,
      },
    });
    this.chart.node.addDependency(this.role.association);
    const store = clusterSecretStore(env);
    if (store) {
      this.store = new eks.KubernetesManifest(this, 'ClusterSecretStore', { cluster, manifest: [store] });
      this.store.node.addDependency(this.chart);
    }
  }
}

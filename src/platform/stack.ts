import type { Construct, IConstruct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import { Addons } from './addons.js';
import { AppRoles } from './app-roles.js';
import { Backup } from './backup.js';
import * as iam from './cdk/aws-iam.js';
import { Stack, type StackProps, Tags } from './cdk/core.js';
import { Cluster, type KubectlLayerFactory } from './cluster.js';
import { Identity } from './identity.js';
import { Ingress } from './ingress.js';
import { LambdaLogGroups } from './lambda-log-groups.js';
import { Network } from './network.js';
import { Observability } from './observability.js';
import { Registry, ROLE_TAGS } from './registry.js';
import { removalPolicyOf } from './removal-policy.js';
import { Secrets } from './secrets.js';
import { Storage } from './storage.js';
import { type VersionLock, versionsFor } from './versions.js';

export interface PlatformStackProps extends Omit<StackProps, 'env'> {
  readonly config: EnvironmentConfig;
  readonly kubectlLayer: KubectlLayerFactory;
  /** Defaults to the lock entry for the environment's Kubernetes minor. */
  readonly versions?: VersionLock;
}

/** Stack name for an environment: `<clusterName>-platform`. */
export function platformStackName(env: Pick<EnvironmentConfig, 'clusterName'>): string {
  return `${env.clusterName}-platform`;
}

/** Which component built which constructs; the summary walks these. */
export interface PlatformComponents {
  network: Network;
  cluster: Cluster;
  identity?: Identity;
  registry?: Registry;
  ingress?: Ingress;
  storage?: Storage;
  secrets?: Secrets;
  observability?: Observability;
  backup?: Backup;
  addons: Addons;
  apps: AppRoles;
}

/**
 * The platform of one environment. Everything is driven by the
 * EnvironmentConfig, so test and prod come from this one code path; a
 * component switched off in `components` is simply not built.
 */
export class PlatformStack extends Stack {
  readonly config: EnvironmentConfig;
  readonly components: PlatformComponents;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    const { config: env } = props;
    super(scope, id, {
      ...props,
      // Without `account` the stack is account-agnostic: the account is the AWS::AccountId of
      // wherever it is deployed (deploy still refuses until `account` is set). The region stays
      // concrete: the zones, endpoints and the kubectl provider are chosen per region at synth.
      env: env.account ? { account: env.account, region: env.region } : { region: env.region },
      description: `Slipway platform for ${env.project}/${env.name} (EKS ${env.kubernetesVersion})`,
      terminationProtection: env.cluster.terminationProtection,
    });
    this.config = env;
    const versions = props.versions ?? versionsFor(env.kubernetesVersion);
    const on = env.components;

    const network = new Network(this, 'Network', { env });
    const cluster = new Cluster(this, 'Cluster', {
      env,
      vpc: network.vpc,
      versions,
      kubectlLayer: props.kubectlLayer,
    });
    const eksCluster = cluster.cluster;
    const identity = on.identity ? new Identity(this, 'Identity', { env, cluster: eksCluster, versions }) : undefined;
    const registry = on.registry ? new Registry(this, 'Registry', { env }) : undefined;
    const ingress = on.ingress ? new Ingress(this, 'Ingress', { env, cluster: eksCluster, versions }) : undefined;
    const storage = on.storage ? new Storage(this, 'Storage', { env, cluster: eksCluster, versions }) : undefined;
    const secrets = on.secrets ? new Secrets(this, 'Secrets', { env, cluster: eksCluster, versions }) : undefined;
    const observability = on.observability
      ? new Observability(this, 'Observability', { env, cluster: eksCluster, versions })
      : undefined;
    const backup =
      on.backup && env.backup.schedule === 'daily' && on.storage ? new Backup(this, 'Backup', { env }) : undefined;
    const addons = new Addons(this, 'Addons', { env, cluster: eksCluster, versions });
    const apps = new AppRoles(this, 'Apps', {
      env,
      cluster: eksCluster,
      secretsController: secrets?.role.role,
    });
    if (secrets && apps.tierRoles.length > 0) {
      secrets.role.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: apps.tierRoles.map((r) => r.role.roleArn),
        }),
      );
    }

    // Workloads (add-ons and charts) need nodes, CoreDNS and the Pod Identity agent first.
    const workloads: IConstruct[] = [
      ...(storage ? [storage.addon, storage.classes] : []),
      ...(observability ? [observability.addon] : []),
      ...(ingress ? [ingress.chart] : []),
      ...(secrets ? [secrets.chart] : []),
      ...addons.charts,
    ];
    const before: IConstruct[] = [...cluster.nodegroups, ...cluster.addons, ...(identity ? [identity.agent] : [])];
    for (const w of workloads) w.node.addDependency(...before);
    // The ALB controller's webhook must be up before other charts create Services.
    if (ingress)
      for (const c of [...addons.charts, ...(secrets ? [secrets.chart] : [])]) c.node.addDependency(ingress.chart);

    // Last, so it sees every Lambda function the constructs above created.
    new LambdaLogGroups(this, 'LambdaLogs', {
      retentionDays: env.logs.retentionDays,
      removalPolicy: removalPolicyOf(env.logs.removalPolicy),
    });

    // Roles carry these too: a registry home in another account grants pull by them (registry.ts).
    Tags.of(this).add(ROLE_TAGS.project, env.project);
    Tags.of(this).add(ROLE_TAGS.environment, env.name);
    this.components = {
      network,
      cluster,
      identity,
      registry,
      ingress,
      storage,
      secrets,
      observability,
      backup,
      addons,
      apps,
    };
  }

  /**
   * Offline synthesis: the zones come from the config, never from a context
   * lookup, so synth needs no credentials and gives the same template everywhere.
   */
  override get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}

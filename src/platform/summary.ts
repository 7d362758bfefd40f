import type { IConstruct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import { CfnResource } from './cdk/core.js';
import { nodeLabels } from './cluster.js';
import { repositoryNames } from './registry.js';
import { CLUSTER_SECRET_STORE } from './secrets.js';
import type { PlatformComponents } from './stack.js';
import type { VersionLock } from './versions.js';

export type SettingValue = string | number | boolean | readonly string[];

/** What one component put in the template. */
export interface ComponentSummary {
  readonly component: string;
  /** CloudFormation resource type → count, sorted by type. */
  readonly resources: Readonly<Record<string, number>>;
  /** Notable settings, sorted by key. */
  readonly settings: Readonly<Record<string, SettingValue>>;
}

export function countResources(scope: IConstruct): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c)) counts.set(c.cfnResourceType, (counts.get(c.cfnResourceType) ?? 0) + 1);
  }
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function sorted(settings: Record<string, SettingValue | undefined>): Record<string, SettingValue> {
  return Object.fromEntries(
    Object.entries(settings)
      .filter((e): e is [string, SettingValue] => e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** One entry per built component, in a fixed order. */
export function summarizeComponents(
  env: EnvironmentConfig,
  c: PlatformComponents,
  versions: VersionLock,
): ComponentSummary[] {
  const out: ComponentSummary[] = [];
  const add = (
    component: string,
    scope: IConstruct | undefined,
    settings: Record<string, SettingValue | undefined>,
  ) => {
    if (scope) out.push({ component, resources: countResources(scope), settings: sorted(settings) });
  };
  add('network', c.network, {
    availabilityZones: env.availabilityZones,
    natGateways: env.network.natGateways === 'perAz' ? env.availabilityZones.length : 1,
    vpcCidr: env.network.vpcCidr,
    vpcEndpoints: c.network.endpoints,
  });
  add('cluster', c.cluster, {
    kubernetesVersion: env.kubernetesVersion,
    endpointAccess: env.cluster.endpointAccess,
    controlPlaneLogging: env.cluster.controlPlaneLogging,
    secretsEncryption: 'kms',
    admins: env.cluster.admins.length,
    nodeGroups: env.nodes.groups.map(
      (g) =>
        `${g.name}: ${nodeLabels(g)['slipway.io/capacity']} ${g.min}/${g.desired}/${g.max} ${g.instanceTypes.join(',')}`,
    ),
    addons: ['vpc-cni', 'kube-proxy', 'coredns'].map(
      (a) => `${a}@${versions.addons[a as keyof VersionLock['addons']]}`,
    ),
  });
  add('identity', c.identity, {
    podIdentityAgent: versions.addons['eks-pod-identity-agent'],
    irsa: env.cluster.irsa,
  });
  const home = c.registry?.home ?? env.name;
  add(
    'registry',
    c.registry,
    home === env.name
      ? {
          repositories: c.registry ? repositoryNames(env) : [],
          immutableTags: env.registry.immutableTags,
          scanOnPush: true,
          replicationRegions: env.registry.replicationRegions,
          ...(env.registryHome?.importers.length ? { sharedWith: env.registryHome.importers } : {}),
        }
      : { repositories: c.registry ? repositoryNames(env) : [], home: `${home} (imported by name)` },
  );
  add('ingress', c.ingress, {
    chart: `aws-load-balancer-controller@${versions.charts.awsLoadBalancerController.version}`,
    ingressClass: 'alb (default)',
    certificate: env.domain
      ? env.domain.certificateArn
        ? 'configured'
        : `ACM ${env.domain.name}, *.${env.domain.name} (DNS)`
      : 'none',
  });
  add('storage', c.storage, {
    addon: `aws-ebs-csi-driver@${versions.addons['aws-ebs-csi-driver']}`,
    storageClasses: ['gp3 (default, encrypted, WaitForFirstConsumer)', 'io2'],
  });
  add('secrets', c.secrets, {
    chart: `external-secrets@${versions.charts.externalSecrets.version}`,
    clusterSecretStore: c.secrets?.store ? CLUSTER_SECRET_STORE : 'none (tier SecretStores)',
    readableSecrets: `${env.secretsPath}/*`,
  });
  add('observability', c.observability, {
    addon: `amazon-cloudwatch-observability@${versions.addons['amazon-cloudwatch-observability']}`,
    logRetentionDays: env.logs.retentionDays,
    alarms: c.observability?.alarms.length ?? 0,
  });
  add('backup', c.backup, {
    schedule: env.backup.cron,
    retentionDays: env.backup.retentionDays,
  });
  add('addons', c.addons, {
    charts: c.addons.charts.map((ch) => ch.node.id),
  });
  add('apps', c.apps, {
    appRoles: c.apps.appRoles.map((r) => r.subject),
    tierSecretRoles: c.apps.tierRoles.map((r) => r.subject),
  });
  return out;
}

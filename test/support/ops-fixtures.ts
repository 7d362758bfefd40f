import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '../../src/inventory/types.js';
import type {
  EcrRepositoryFact,
  PodIdentityAssociationFact,
  SecretsManagerFacts,
} from '../../src/ops/common/aws-facts.js';
import type { DoctorInput, DoctorTarget } from '../../src/ops/doctor/types.js';
import { type Fact, known } from '../../src/ops/facts.js';
import type { ImagesInput } from '../../src/ops/images/types.js';
import type { LogsInput } from '../../src/ops/logs/types.js';
import type { SecretsInput } from '../../src/ops/secrets/types.js';
import type { AddonFact, StatusInput } from '../../src/ops/status/types.js';

/** The "bad morning" cluster of test/fixtures/ops/bad-morning: Kubernetes objects, AWS facts and logs as the readers return them. */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'ops', 'bad-morning');

export interface BadMorningKube {
  readonly now: string;
  readonly cluster: string;
  readonly controlPlaneVersion: string;
  readonly objects: Readonly<Record<string, readonly KubeObject[]>>;
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

export function badMorningKube(): BadMorningKube {
  return load<BadMorningKube>('kube.json');
}

// biome-ignore lint/suspicious/noExplicitAny: the AWS fixture is typed by each command's input type at its use
export function badMorningAws(): Record<string, any> {
  return load('aws.json');
}

// biome-ignore lint/suspicious/noExplicitAny: typed at its use
export function badMorningLogs(): Record<string, any> {
  return load('logs.json');
}

/** Every kind of the fixture, read. */
export function kubeFacts(kube: BadMorningKube = badMorningKube()): Record<string, Fact<readonly KubeObject[]>> {
  return Object.fromEntries(Object.entries(kube.objects).map(([kind, list]) => [kind, known(list)]));
}

export function statusInput(overrides: Partial<StatusInput> = {}): StatusInput {
  const kube = badMorningKube();
  const o = kube.objects;
  return {
    now: kube.now,
    cluster: kube.cluster,
    controlPlaneVersion: known(kube.controlPlaneVersion),
    nodes: known(o.Node),
    pods: known(o.Pod),
    events: known(o.Event),
    deployments: known(o.Deployment),
    statefulSets: known(o.StatefulSet),
    daemonSets: known(o.DaemonSet),
    externalSecrets: known(o.ExternalSecret),
    persistentVolumeClaims: known(o.PersistentVolumeClaim),
    nodeMetrics: known(o.NodeMetrics),
    addons: known(badMorningAws().addons as AddonFact[]),
    ...overrides,
  };
}

export function secretsInput(overrides: Partial<SecretsInput> = {}): SecretsInput {
  const kube = badMorningKube();
  const o = kube.objects;
  const aws = badMorningAws();
  return {
    now: kube.now,
    environment: 'prod',
    cluster: kube.cluster,
    externalSecrets: known(o.ExternalSecret),
    secretStores: known([...o.SecretStore, ...o.ClusterSecretStore]),
    secrets: known(o.Secret),
    secretsManager: known(aws.secretsManager as SecretsManagerFacts),
    podIdentityAssociations: known(aws.podIdentityAssociations as PodIdentityAssociationFact[]),
    ...overrides,
  };
}

export const ECR_REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

export function imagesInput(overrides: Partial<ImagesInput> = {}): ImagesInput {
  return {
    environment: { name: 'prod', production: true, registries: [ECR_REGISTRY] },
    pods: known(badMorningKube().objects.Pod),
    ecr: known(badMorningAws().ecr as EcrRepositoryFact[]),
    ...overrides,
  };
}

export function logsInput(overrides: Partial<LogsInput> = {}): LogsInput {
  const kube = badMorningKube();
  const logs = badMorningLogs();
  return {
    now: kube.now,
    sinceSeconds: 3600,
    app: { namespace: 'shop', name: 'checkout' },
    pods: known(kube.objects.Pod),
    previousLogs: Object.fromEntries(
      Object.entries(logs.previous as Record<string, string>).map(([k, v]) => [k, known(v)]),
    ),
    logGroups: known(logs.logGroups),
    errorEvents: known(logs.filteredEvents),
    ...overrides,
  };
}

/** The doctor's input for one target, with every kind and AWS part of the fixture read. */
export function doctorInput(target: DoctorTarget, overrides: Partial<DoctorInput> = {}): DoctorInput {
  const kube = badMorningKube();
  const aws = badMorningAws();
  const logs = badMorningLogs();
  return {
    now: kube.now,
    cluster: kube.cluster,
    target,
    kube: kubeFacts(kube),
    previousLogs: Object.fromEntries(
      Object.entries(logs.previous as Record<string, string>).map(([k, v]) => [k, known(v)]),
    ),
    aws: {
      ecr: known(aws.ecr),
      secretsManager: known(aws.secretsManager),
      podIdentityAssociations: known(aws.podIdentityAssociations),
      iamRoles: known(aws.iamRoles),
      ebsVolumes: known(aws.ebsVolumes),
      loadBalancers: known(aws.loadBalancers),
      nodeGroups: known(aws.nodeGroups),
    },
    ...overrides,
  };
}

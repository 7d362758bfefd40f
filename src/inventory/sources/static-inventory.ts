import { Inventory } from '../inventory.js';
import type { CheckoutFacts, KubeResource } from '../types.js';
import { checkoutFacts } from './checkout.js';
import { STATIC_AWS_TYPES } from './cloudformation.js';
import { type ReadInputsOptions, readInputs } from './files.js';
import type { ParseLimits } from './parse-document.js';
import { type DocumentsRead, readDocuments, type TextInput } from './read-documents.js';

/**
 * Kinds a set of manifests fully answers for: when files are the whole truth,
 * "no NetworkPolicy in the files" means there is none, not that it could not be seen.
 */
export const STATIC_KUBE_KINDS = [
  'Namespace',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'LimitRange',
  'ResourceQuota',
  'PriorityClass',
  'ScaledObject',
  'ExternalSecret',
  'SecretStore',
  'ClusterSecretStore',
  'ServiceMonitor',
  'PodMonitor',
  'Application',
  'GitRepository',
] as const;

export interface StaticLoadOptions extends ReadInputsOptions {
  readonly limits?: ParseLimits;
}

/** Builds the static inventory from what was read: manifests answer for Kubernetes kinds, templates for AWS types. */
export function staticInventory(
  read: DocumentsRead,
  extraNotes: readonly string[] = [],
  checkouts?: ReadonlyMap<KubeResource, CheckoutFacts>,
): Inventory {
  return new Inventory({
    checkouts,
    kube: read.kube,
    aws: read.aws,
    problems: read.problems,
    coverage: {
      mode: 'static',
      kubeKinds: new Set(read.manifestDocuments > 0 || read.templates > 0 ? STATIC_KUBE_KINDS : []),
      awsTypes: new Set(read.templates > 0 ? STATIC_AWS_TYPES : []),
      notes: [...extraNotes, ...read.notes],
    },
  });
}

/** Reads texts into a static inventory. */
export function inventoryFromTexts(inputs: readonly TextInput[], limits?: ParseLimits): Inventory {
  return staticInventory(readDocuments(inputs, limits));
}

/** Reads files, directories and `-` (stdin) into a static inventory. */
export async function inventoryFromPaths(
  paths: readonly string[],
  options: StaticLoadOptions = {},
): Promise<Inventory> {
  const { inputs, problems } = await readInputs(paths, options);
  const read = readDocuments(inputs, options.limits);
  read.problems.unshift(...problems);
  return staticInventory(read, [], checkoutFacts(read.kube, options.cwd ?? process.cwd()));
}

import type { Construct } from 'constructs';
import * as eks from './cdk/aws-eks-v2.js';
import { acknowledgeManagedPolicies } from './nag.js';
import { PodIdentityRole } from './pod-identity-role.js';
import type { VersionLock } from './versions.js';

/** An EKS managed add-on the version lock pins. */
export type AddonName = keyof VersionLock['addons'];

/**
 * An EKS managed add-on at its locked version. On a conflict with settings
 * already in the cluster, the add-on's configuration wins (OVERWRITE).
 * `configuration` becomes the add-on's ConfigurationValues (JSON, keys sorted
 * by the caller's object order); without it the add-on runs its defaults.
 */
export function lockedAddon(
  scope: Construct,
  id: string,
  clusterName: string,
  versions: VersionLock,
  name: AddonName,
  configuration?: Readonly<Record<string, unknown>>,
): eks.CfnAddon {
  return new eks.CfnAddon(scope, id, {
    clusterName,
    addonName: name,
    addonVersion: versions.addons[name],
    resolveConflicts: 'OVERWRITE',
    configurationValues: configuration ? JSON.stringify(configuration) : undefined,
  });
}

export interface ManagedPolicyRoleProps {
  readonly cluster: eks.ICluster;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** The AWS managed policy AWS documents for the add-on (`service-role/…` where it lives there). */
  readonly policy: string;
  /** Why the managed policy is right here: the cdk-nag acknowledgement's reason. */
  readonly reason: string;
}

/** The Pod Identity role of an add-on whose documented policy is one AWS managed policy, acknowledged for cdk-nag. */
export function managedPolicyRole(scope: Construct, id: string, props: ManagedPolicyRoleProps): PodIdentityRole {
  const { policy, reason, ...identity } = props;
  const role = new PodIdentityRole(scope, id, { ...identity, managedPolicies: [policy] });
  acknowledgeManagedPolicies(role, [policy], reason);
  return role;
}

import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import { lockedAddon } from './managed-addon.js';
import type { VersionLock } from './versions.js';

export interface IdentityProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

/**
 * 1.5 Pod Identity: the EKS Pod Identity agent add-on at its locked version.
 * aws-eks-v2's Cluster creates this add-on only when its `eksPodIdentityAgent`
 * getter is read (unversioned); Slipway never reads it and installs the add-on
 * here instead, so exactly one agent add-on exists and its version is locked.
 * An IAM OIDC provider (IRSA) is added only when `cluster.irsa` is on.
 */
export class Identity extends Construct {
  readonly agent: eks.CfnAddon;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.agent = lockedAddon(
      this,
      'PodIdentityAgent',
      props.cluster.clusterName,
      props.versions,
      'eks-pod-identity-agent',
    );
    if (props.env.cluster.irsa) {
      // Reading the provider creates it (the cluster's native OIDC provider).
      void props.cluster.openIdConnectProvider;
    }
  }
}

import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as eks from './cdk/aws-eks-v2.js';
import { lockedAddon, managedPolicyRole } from './managed-addon.js';
import type { PodIdentityRole } from './pod-identity-role.js';
import type { VersionLock } from './versions.js';

export interface StorageProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

/** The tag the gp3/io2 classes put on every volume they create; the backup plan selects by it. */
export const BACKUP_TAG_KEY = 'slipway.io/backup';
export function backupTagValue(env: Pick<EnvironmentConfig, 'clusterName'>): string {
  return env.clusterName;
}

export const EBS_CSI = { namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' } as const;

/** The two StorageClasses as plain Kubernetes objects (gp3 is the default). */
export function storageClasses(env: EnvironmentConfig): Record<string, unknown>[] {
  const reclaimPolicy = env.workloads.volumeReclaimPolicy;
  const common = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    provisioner: 'ebs.csi.aws.com',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    reclaimPolicy,
  };
  const tags = {
    tagSpecification_1: `${BACKUP_TAG_KEY}=${backupTagValue(env)}`,
    tagSpecification_2: `slipway.io/environment=${env.name}`,
  };
  return [
    {
      ...common,
      metadata: {
        name: 'gp3',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        labels: { 'app.kubernetes.io/managed-by': 'slipway' },
      },
      parameters: { type: 'gp3', encrypted: 'true', fsType: 'ext4', ...tags },
    },
    {
      ...common,
      metadata: { name: 'io2', labels: { 'app.kubernetes.io/managed-by': 'slipway' } },
      parameters: { type: 'io2', iopsPerGB: '50', encrypted: 'true', fsType: 'ext4', ...tags },
    },
  ];
}

/**
 * 1.4 EBS storage: the EBS CSI driver add-on with its Pod Identity role, the
 * default encrypted gp3 class (WaitForFirstConsumer keeps a volume in its
 * pod's zone) and an io2 class for high IOPS. EKS 1.30+ no longer marks gp2 as
 * default, so gp3 is the only default class.
 */
export class Storage extends Construct {
  readonly addon: eks.CfnAddon;
  readonly role: PodIdentityRole;
  readonly classes: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const { env, cluster, versions } = props;
    this.role = managedPolicyRole(this, 'DriverIdentity', {
      cluster,
      ...EBS_CSI,
      policy: 'service-role/AmazonEBSCSIDriverPolicy',
      reason:
        'AmazonEBSCSIDriverPolicy is the policy AWS maintains for the EBS CSI driver add-on; it follows driver releases.',
    });
    this.addon = lockedAddon(this, 'EbsCsiDriver', cluster.clusterName, versions, 'aws-ebs-csi-driver');
    this.addon.node.addDependency(this.role.association);
    this.classes = new eks.KubernetesManifest(this, 'StorageClasses', { cluster, manifest: storageClasses(env) });
  }
}

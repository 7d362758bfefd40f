import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-eks-v2';

export type * from 'aws-cdk-lib/aws-eks-v2';

// aws-cdk-lib/aws-eks-v2 loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-eks-v2');

export const AccessEntry = m.AccessEntry;
export type AccessEntry = T.AccessEntry;
export const AccessEntryType = m.AccessEntryType;
export type AccessEntryType = T.AccessEntryType;
export const CapacityType = m.CapacityType;
export type CapacityType = T.CapacityType;
export const CfnAddon = m.CfnAddon;
export type CfnAddon = T.CfnAddon;
export const CfnPodIdentityAssociation = m.CfnPodIdentityAssociation;
export type CfnPodIdentityAssociation = T.CfnPodIdentityAssociation;
export const Cluster = m.Cluster;
export type Cluster = T.Cluster;
export const ClusterLoggingTypes = m.ClusterLoggingTypes;
export type ClusterLoggingTypes = T.ClusterLoggingTypes;
export const DefaultCapacityType = m.DefaultCapacityType;
export type DefaultCapacityType = T.DefaultCapacityType;
export const EndpointAccess = m.EndpointAccess;
export type EndpointAccess = T.EndpointAccess;
export const HelmChart = m.HelmChart;
export type HelmChart = T.HelmChart;
export const KubernetesManifest = m.KubernetesManifest;
export type KubernetesManifest = T.KubernetesManifest;
export const KubernetesVersion = m.KubernetesVersion;
export type KubernetesVersion = T.KubernetesVersion;
export const Nodegroup = m.Nodegroup;
export type Nodegroup = T.Nodegroup;
export const NodegroupAmiType = m.NodegroupAmiType;
export type NodegroupAmiType = T.NodegroupAmiType;

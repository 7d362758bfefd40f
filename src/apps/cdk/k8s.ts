import { createRequire } from 'node:module';
import type * as T from 'cdk8s-plus-34/lib/imports/k8s.js';

export type * from 'cdk8s-plus-34/lib/imports/k8s.js';

// The Kubernetes API objects of cdk8s-plus-34 (its generated imports), loaded with require() and on their own:
// cdk8s-plus-34's index loads every construct of the package, and imported as an ES module Node would also read
// every export of it and of k8s.js (3.6 MB) first. Only the classes named below are used.
const require = createRequire(import.meta.url);
const m: typeof T = require('cdk8s-plus-34/lib/imports/k8s.js');

export const IntOrString = m.IntOrString;
export type IntOrString = T.IntOrString;
export const Quantity = m.Quantity;
export type Quantity = T.Quantity;
export const KubeCronJob = m.KubeCronJob;
export type KubeCronJob = T.KubeCronJob;
export const KubeDeployment = m.KubeDeployment;
export type KubeDeployment = T.KubeDeployment;
export const KubeHorizontalPodAutoscalerV2 = m.KubeHorizontalPodAutoscalerV2;
export type KubeHorizontalPodAutoscalerV2 = T.KubeHorizontalPodAutoscalerV2;
export const KubeIngress = m.KubeIngress;
export type KubeIngress = T.KubeIngress;
export const KubeLimitRange = m.KubeLimitRange;
export type KubeLimitRange = T.KubeLimitRange;
export const KubeNamespace = m.KubeNamespace;
export type KubeNamespace = T.KubeNamespace;
export const KubeNetworkPolicy = m.KubeNetworkPolicy;
export type KubeNetworkPolicy = T.KubeNetworkPolicy;
export const KubePodDisruptionBudget = m.KubePodDisruptionBudget;
export type KubePodDisruptionBudget = T.KubePodDisruptionBudget;
export const KubeResourceQuota = m.KubeResourceQuota;
export type KubeResourceQuota = T.KubeResourceQuota;
export const KubeService = m.KubeService;
export type KubeService = T.KubeService;
export const KubeServiceAccount = m.KubeServiceAccount;
export type KubeServiceAccount = T.KubeServiceAccount;
export const KubeStatefulSet = m.KubeStatefulSet;
export type KubeStatefulSet = T.KubeStatefulSet;

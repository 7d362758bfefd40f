/** The API resources the fake Kubernetes API server (fake-kube-server.ts) can serve. */
export interface FakeResource {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

const r = (kind: string, group: string, version: string, plural: string, namespaced = true): FakeResource => ({
  kind,
  group,
  version,
  plural,
  namespaced,
});

export const BUILTIN_RESOURCES: readonly FakeResource[] = [
  r('Pod', '', 'v1', 'pods'),
  r('Service', '', 'v1', 'services'),
  r('ConfigMap', '', 'v1', 'configmaps'),
  r('Secret', '', 'v1', 'secrets'),
  r('ServiceAccount', '', 'v1', 'serviceaccounts'),
  r('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims'),
  r('Event', '', 'v1', 'events'),
  r('ReplicationController', '', 'v1', 'replicationcontrollers'),
  r('Namespace', '', 'v1', 'namespaces', false),
  r('Node', '', 'v1', 'nodes', false),
  r('PersistentVolume', '', 'v1', 'persistentvolumes', false),
  r('Deployment', 'apps', 'v1', 'deployments'),
  r('StatefulSet', 'apps', 'v1', 'statefulsets'),
  r('DaemonSet', 'apps', 'v1', 'daemonsets'),
  r('ReplicaSet', 'apps', 'v1', 'replicasets'),
  r('Job', 'batch', 'v1', 'jobs'),
  r('CronJob', 'batch', 'v1', 'cronjobs'),
  r('Ingress', 'networking.k8s.io', 'v1', 'ingresses'),
  r('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies'),
  r('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets'),
  r('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers'),
  r('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', false),
  r('Endpoints', '', 'v1', 'endpoints'),
  r('LimitRange', '', 'v1', 'limitranges'),
  r('ResourceQuota', '', 'v1', 'resourcequotas'),
  r('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false),
  r('CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', false),
  r('PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', false),
  r('Role', 'rbac.authorization.k8s.io', 'v1', 'roles'),
  r('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings'),
  r('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false),
  r('CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false),
  r('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations', false),
  r('MutatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'mutatingwebhookconfigurations', false),
];

/** metrics.k8s.io as metrics-server serves it; objects under the kinds NodeMetrics and PodMetrics. */
export const METRICS_RESOURCES: readonly FakeResource[] = [
  r('NodeMetrics', 'metrics.k8s.io', 'v1beta1', 'nodes', false),
  r('PodMetrics', 'metrics.k8s.io', 'v1beta1', 'pods'),
];

export const CRD_RESOURCES: readonly FakeResource[] = [
  r('ExternalSecret', 'external-secrets.io', 'v1beta1', 'externalsecrets'),
  r('ClusterSecretStore', 'external-secrets.io', 'v1beta1', 'clustersecretstores', false),
  r('ScaledObject', 'keda.sh', 'v1alpha1', 'scaledobjects'),
  r('ServiceMonitor', 'monitoring.coreos.com', 'v1', 'servicemonitors'),
];

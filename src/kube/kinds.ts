/**
 * Where each Kubernetes kind lives in the API: group, the versions to try in
 * order, the plural resource name and whether it is namespaced. Discovery
 * (/api, /apis) decides which of the versions the cluster actually serves.
 */
export interface KindInfo {
  readonly kind: string;
  /** '' for the core group. */
  readonly group: string;
  readonly versions: readonly string[];
  readonly plural: string;
  readonly namespaced: boolean;
}

function k(kind: string, group: string, versions: string[], plural: string, namespaced = true): KindInfo {
  return { kind, group, versions, plural, namespaced };
}

const TABLE: readonly KindInfo[] = [
  k('Pod', '', ['v1'], 'pods'),
  k('Service', '', ['v1'], 'services'),
  k('ConfigMap', '', ['v1'], 'configmaps'),
  k('Secret', '', ['v1'], 'secrets'),
  k('ServiceAccount', '', ['v1'], 'serviceaccounts'),
  k('PersistentVolumeClaim', '', ['v1'], 'persistentvolumeclaims'),
  k('ReplicationController', '', ['v1'], 'replicationcontrollers'),
  k('LimitRange', '', ['v1'], 'limitranges'),
  k('ResourceQuota', '', ['v1'], 'resourcequotas'),
  k('Endpoints', '', ['v1'], 'endpoints'),
  k('EndpointSlice', 'discovery.k8s.io', ['v1'], 'endpointslices'),
  k('Event', '', ['v1'], 'events'),
  k('Namespace', '', ['v1'], 'namespaces', false),
  k('Node', '', ['v1'], 'nodes', false),
  k('PersistentVolume', '', ['v1'], 'persistentvolumes', false),
  k('Deployment', 'apps', ['v1'], 'deployments'),
  k('StatefulSet', 'apps', ['v1'], 'statefulsets'),
  k('DaemonSet', 'apps', ['v1'], 'daemonsets'),
  k('ReplicaSet', 'apps', ['v1'], 'replicasets'),
  k('Job', 'batch', ['v1'], 'jobs'),
  k('CronJob', 'batch', ['v1'], 'cronjobs'),
  k('Ingress', 'networking.k8s.io', ['v1'], 'ingresses'),
  k('NetworkPolicy', 'networking.k8s.io', ['v1'], 'networkpolicies'),
  k('IngressClass', 'networking.k8s.io', ['v1'], 'ingressclasses', false),
  k('PodDisruptionBudget', 'policy', ['v1'], 'poddisruptionbudgets'),
  k('HorizontalPodAutoscaler', 'autoscaling', ['v2', 'v1'], 'horizontalpodautoscalers'),
  k('StorageClass', 'storage.k8s.io', ['v1'], 'storageclasses', false),
  k('CSIDriver', 'storage.k8s.io', ['v1'], 'csidrivers', false),
  k('PriorityClass', 'scheduling.k8s.io', ['v1'], 'priorityclasses', false),
  k('Role', 'rbac.authorization.k8s.io', ['v1'], 'roles'),
  k('RoleBinding', 'rbac.authorization.k8s.io', ['v1'], 'rolebindings'),
  k('ClusterRole', 'rbac.authorization.k8s.io', ['v1'], 'clusterroles', false),
  k('ClusterRoleBinding', 'rbac.authorization.k8s.io', ['v1'], 'clusterrolebindings', false),
  k('CustomResourceDefinition', 'apiextensions.k8s.io', ['v1'], 'customresourcedefinitions', false),
  k('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', ['v1'], 'validatingwebhookconfigurations', false),
  k('MutatingWebhookConfiguration', 'admissionregistration.k8s.io', ['v1'], 'mutatingwebhookconfigurations', false),
  k('ExternalSecret', 'external-secrets.io', ['v1', 'v1beta1'], 'externalsecrets'),
  k('SecretStore', 'external-secrets.io', ['v1', 'v1beta1'], 'secretstores'),
  k('ClusterSecretStore', 'external-secrets.io', ['v1', 'v1beta1'], 'clustersecretstores', false),
  k('ScaledObject', 'keda.sh', ['v1alpha1'], 'scaledobjects'),
  k('ScaledJob', 'keda.sh', ['v1alpha1'], 'scaledjobs'),
  k('TriggerAuthentication', 'keda.sh', ['v1alpha1'], 'triggerauthentications'),
  k('ServiceMonitor', 'monitoring.coreos.com', ['v1'], 'servicemonitors'),
  k('PodMonitor', 'monitoring.coreos.com', ['v1'], 'podmonitors'),
  k('PrometheusRule', 'monitoring.coreos.com', ['v1'], 'prometheusrules'),
  k('Application', 'argoproj.io', ['v1alpha1'], 'applications'),
  k('NodePool', 'karpenter.sh', ['v1', 'v1beta1'], 'nodepools', false),
  k('EC2NodeClass', 'karpenter.k8s.aws', ['v1', 'v1beta1'], 'ec2nodeclasses', false),
  k('TargetGroupBinding', 'elbv2.k8s.aws', ['v1beta1'], 'targetgroupbindings'),
  k('IngressClassParams', 'elbv2.k8s.aws', ['v1beta1'], 'ingressclassparams', false),
  k('VolumeSnapshot', 'snapshot.storage.k8s.io', ['v1'], 'volumesnapshots'),
  k('VolumeSnapshotClass', 'snapshot.storage.k8s.io', ['v1'], 'volumesnapshotclasses', false),
];

const BY_KIND = new Map(TABLE.map((i) => [i.kind, i]));

/** The API location of a kind, or undefined when Slipway has no mapping for it. */
export function kindInfo(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind);
}

/** Every kind Slipway knows how to read. */
export function knownKinds(): string[] {
  return TABLE.map((i) => i.kind);
}

const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'networking.k8s.io',
  'policy',
  'autoscaling',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'rbac.authorization.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
]);

/** Built into every API server (not a CRD): a cluster that does not show it is not telling, rather than without it. */
export function isBuiltinKind(kind: string): boolean {
  const info = BY_KIND.get(kind);
  return info !== undefined && BUILTIN_GROUPS.has(info.group);
}

/** `deployments.apps`, `pods` (core): the resource name RBAC and error messages use. */
export function qualifiedResource(info: Pick<KindInfo, 'group' | 'plural'>): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

import { defineConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { awsResource, kubeResource } from '../../src/inventory/memory.js';
import type { AwsResource, Coverage, KubeObject } from '../../src/inventory/types.js';
import type { ResultStatus, Rule, RuleResult } from '../../src/rules/types.js';

const config = defineConfig({
  project: 'shop',
  environments: { test: { preset: 'test' }, prod: { preset: 'prod', alarms: { email: ['oncall@example.com'] } } },
});

/** The shop project's resolved environments: `test` and `prod` presets. */
export const ENVS: Record<'test' | 'prod', EnvironmentConfig> = {
  test: config.environments.test,
  prod: config.environments.prod,
};

export type Obj = Record<string, unknown>;

export interface InventoryParts {
  kube?: Obj[];
  aws?: AwsResource[];
  mode?: Coverage['mode'];
  kubeKinds?: string[];
  awsTypes?: string[];
  kubeDenied?: Record<string, string>;
  awsDenied?: Record<string, string>;
}

/** An in-memory inventory from plain objects. */
export function inventory(parts: InventoryParts = {}): Inventory {
  return new Inventory({
    kube: (parts.kube ?? []).map((o) => kubeResource(o as unknown as KubeObject)),
    aws: parts.aws ?? [],
    coverage: {
      mode: parts.mode ?? 'static',
      kubeKinds: new Set(parts.kubeKinds ?? []),
      awsTypes: new Set(parts.awsTypes ?? []),
      kubeDenied: new Map(Object.entries(parts.kubeDenied ?? {})),
      awsDenied: new Map(Object.entries(parts.awsDenied ?? {})),
    },
  });
}

export const aws = awsResource;

/**
 * Runs a rule the way the engine does: parameters from `defaults(env)` (with
 * overrides), validated by the rule's schema.
 */
export function run(
  rule: Rule,
  inv: Inventory,
  envName: 'test' | 'prod' = 'prod',
  overrides: Record<string, unknown> = {},
): RuleResult[] {
  const env = ENVS[envName];
  const params = rule.meta.params.parse({ ...(rule.meta.defaults(env) as Obj), ...overrides });
  return rule.check(inv, params, { env });
}

/** Statuses of the results about subjects with this name (all results when omitted). */
export function statuses(results: RuleResult[], name?: string): ResultStatus[] {
  return results
    .filter((r) => name === undefined || ('name' in r.subject ? r.subject.name : r.subject.id) === name)
    .map((r) => r.status);
}

/** The single status for a subject name; fails the test when there are several different ones. */
export function statusOf(results: RuleResult[], name: string): ResultStatus | undefined {
  const list = [...new Set(statuses(results, name))];
  if (list.length > 1) {
    // Worst first, so a test on "fail" sees it.
    for (const s of ['fail', 'unknown', 'warn', 'pass', 'skip'] as const) if (list.includes(s)) return s;
  }
  return list[0];
}

// ---- Kubernetes builders --------------------------------------------------

/** A container that meets every rule: resources, probes, hardened securityContext, a metrics port. */
export function goodContainer(name = 'app', extra: Obj = {}): Obj {
  return {
    name,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0',
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'metrics', containerPort: 9090 },
    ],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    readinessProbe: { httpGet: { path: '/health', port: 8080 } },
    livenessProbe: { httpGet: { path: '/health', port: 8080 } },
    securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    ...extra,
  };
}

export interface WorkloadOpts {
  name?: string;
  namespace?: string;
  replicas?: number;
  labels?: Record<string, string>;
  containers?: Obj[];
  initContainers?: Obj[];
  podSpec?: Obj;
  spec?: Obj;
  annotations?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  /** Labels on the workload object itself (not its pods). */
  metadataLabels?: Record<string, string>;
}

/** The label the app generators put on every object: marks an object as Slipway's own. */
export const GENERATED_LABELS: Record<string, string> = { 'app.kubernetes.io/managed-by': 'slipway' };

function podTemplate(o: WorkloadOpts, labels: Record<string, string>): Obj {
  return {
    metadata: { labels, ...(o.podAnnotations ? { annotations: o.podAnnotations } : {}) },
    spec: {
      containers: o.containers ?? [goodContainer()],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...o.podSpec,
    },
  };
}

function meta(o: WorkloadOpts, fallback: string): Obj {
  return {
    name: o.name ?? fallback,
    namespace: o.namespace ?? 'shop',
    ...(o.metadataLabels ? { labels: o.metadataLabels } : {}),
    ...(o.annotations ? { annotations: o.annotations } : {}),
  };
}

export function deployment(o: WorkloadOpts = {}): Obj {
  const name = o.name ?? 'api';
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o, 'api'),
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: podTemplate(o, labels),
      ...o.spec,
    },
  };
}

export function statefulSet(o: WorkloadOpts = {}): Obj {
  const name = o.name ?? 'db';
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(o, 'db'),
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: name,
      selector: { matchLabels: labels },
      template: podTemplate(o, labels),
      ...o.spec,
    },
  };
}

export function cronJob(o: WorkloadOpts & { jobSpec?: Obj } = {}): Obj {
  const name = o.name ?? 'report';
  const labels = o.labels ?? { app: name };
  const template = podTemplate(o, labels);
  (template.spec as Obj).restartPolicy = 'Never';
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(o, 'report'),
    spec: {
      schedule: '0 2 * * *',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      jobTemplate: {
        spec: { activeDeadlineSeconds: 3600, ttlSecondsAfterFinished: 86400, backoffLimit: 2, template, ...o.jobSpec },
      },
      ...o.spec,
    },
  };
}

export function service(
  name: string,
  selector: Record<string, string>,
  o: {
    namespace?: string;
    headless?: boolean;
    type?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  } = {},
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: o.namespace ?? 'shop',
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      ...(o.headless ? { clusterIP: 'None' } : {}),
      ...(o.type ? { type: o.type } : {}),
    },
  };
}

export function kobj(kind: string, name: string, body: Obj = {}, namespace: string | undefined = 'shop'): Obj {
  const apiVersions: Record<string, string> = {
    ConfigMap: 'v1',
    Secret: 'v1',
    ServiceAccount: 'v1',
    Namespace: 'v1',
    Node: 'v1',
    PersistentVolumeClaim: 'v1',
    PodDisruptionBudget: 'policy/v1',
    HorizontalPodAutoscaler: 'autoscaling/v2',
    NetworkPolicy: 'networking.k8s.io/v1',
    Ingress: 'networking.k8s.io/v1',
    IngressClass: 'networking.k8s.io/v1',
    StorageClass: 'storage.k8s.io/v1',
    ScaledObject: 'keda.sh/v1alpha1',
    TriggerAuthentication: 'keda.sh/v1alpha1',
    ExternalSecret: 'external-secrets.io/v1',
    ServiceMonitor: 'monitoring.coreos.com/v1',
    PodMonitor: 'monitoring.coreos.com/v1',
    Role: 'rbac.authorization.k8s.io/v1',
    ClusterRole: 'rbac.authorization.k8s.io/v1',
    RoleBinding: 'rbac.authorization.k8s.io/v1',
    ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  };
  const { metadata, ...rest } = body as { metadata?: Obj };
  return {
    apiVersion: apiVersions[kind] ?? 'v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), ...metadata },
    ...rest,
  };
}

export function pdb(name: string, selector: Record<string, string>, spec: Obj = { maxUnavailable: 1 }): Obj {
  return kobj('PodDisruptionBudget', name, { spec: { selector: { matchLabels: selector }, ...spec } });
}

export function hpa(name: string, target: string, min: number, max: number, metrics?: Obj[]): Obj {
  return kobj('HorizontalPodAutoscaler', name, {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
      minReplicas: min,
      maxReplicas: max,
      metrics: metrics ?? [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
    },
  });
}

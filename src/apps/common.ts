import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import * as k8s from './cdk/k8s.js';
import { appAnnotations, appLabels, selectorLabels } from './labels.js';
import { namespaceOf, serviceAccountOf } from './naming.js';
import { hasAwsAccess } from './pod.js';

/** What every pattern builder receives for one app in one environment. */
export interface AppScope {
  readonly scope: Construct;
  readonly app: AppConfig;
  readonly env: EnvironmentConfig;
  readonly namespace: string;
  /** Labels on every object of the app. */
  readonly labels: Record<string, string>;
  /** Labels that select the app's pods. */
  readonly selector: Record<string, string>;
  /** Messages to show once per run (advice, not errors). */
  readonly notes: Set<string>;
}

export function appScope(scope: Construct, app: AppConfig, env: EnvironmentConfig, notes: Set<string>): AppScope {
  return {
    scope,
    app,
    env,
    namespace: namespaceOf(app, env),
    labels: appLabels(app, env),
    selector: selectorLabels(app),
    notes,
  };
}

export function objectMeta(s: AppScope, name = s.app.name, extra?: Record<string, string>): k8s.ObjectMeta {
  const annotations = { ...appAnnotations(s.app), ...extra };
  return {
    name,
    namespace: s.namespace,
    labels: s.labels,
    annotations: Object.keys(annotations).length ? annotations : undefined,
  };
}

/**
 * One ServiceAccount per app, the subject of its Pod Identity association.
 * Apps with no AWS access get no API token mounted.
 */
export function addServiceAccount(s: AppScope): void {
  new k8s.KubeServiceAccount(s.scope, 'service-account', {
    metadata: { name: serviceAccountOf(s.app), namespace: s.namespace, labels: s.labels },
    automountServiceAccountToken: hasAwsAccess(s.app, s.env),
  });
}

/**
 * A PodDisruptionBudget that selects exactly the app's pods. With two or more
 * replicas a drain may take one at a time (maxUnavailable 1); a single replica
 * is kept (minAvailable 1), so a drain waits for someone to move it on purpose.
 * Interruptible workloads (queue workers) always allow one eviction: their work
 * returns to the queue. Pods that are not ready may always be evicted
 * (AlwaysAllow), so a crash-looping pod never blocks a node drain.
 */
export function addPodDisruptionBudget(s: AppScope, replicas: number, interruptible = false): void {
  new k8s.KubePodDisruptionBudget(s.scope, 'pdb', {
    metadata: objectMeta(s),
    spec: {
      selector: { matchLabels: s.selector },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      ...(replicas >= 2 || interruptible
        ? { maxUnavailable: k8s.IntOrString.fromNumber(1) }
        : { minAvailable: k8s.IntOrString.fromNumber(1) }),
    },
  });
}

/**
 * The app's Deployment: rolls one new pod in before an old one leaves
 * (maxUnavailable 0, maxSurge 1) and keeps five old ReplicaSets to roll back to.
 * `annotations` go on the Deployment next to the app's own.
 */
export function addDeployment(
  s: AppScope,
  spec: { replicas: number; template: k8s.PodTemplateSpec; annotations?: Record<string, string> },
): void {
  new k8s.KubeDeployment(s.scope, 'deployment', {
    metadata: objectMeta(s, s.app.name, spec.annotations),
    spec: {
      replicas: spec.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: s.selector },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0), maxSurge: k8s.IntOrString.fromNumber(1) },
      },
      template: spec.template,
    },
  });
}

/** CPU-based HorizontalPodAutoscaler (autoscaling/v2) on a Deployment. */
export function addCpuAutoscaler(s: AppScope, min: number, max: number, cpuPercent: number): void {
  new k8s.KubeHorizontalPodAutoscalerV2(s.scope, 'hpa', {
    metadata: objectMeta(s),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: s.app.name },
      minReplicas: min,
      maxReplicas: max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuPercent } },
        },
      ],
      // Scale down slowly: five minutes of lower load before pods are removed.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  });
}
